import Foundation

extension JSONEncoder {
    /// The encoder every wire message uses: compact, stable key order.
    public static var wire: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

extension JSONDecoder {
    public static var wire: JSONDecoder { JSONDecoder() }
}

/// The protocol version carried on every request in the `Dispatch-Protocol` header.
public enum ProtocolVersion {
    public static let header = "Dispatch-Protocol"
    public static let current = 1
    /// A server answers the current and the previous version and refuses older ones.
    public static let oldestSupported = 1
}
