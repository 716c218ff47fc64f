/// A free-text remark on a load ("lumper paid $150", "call before arrival").
public struct LoadNote: Codable, Sendable, Hashable, Identifiable {
    /// Generated on the device where it was typed; the idempotency key.
    public var id: String
    public var text: String
    public var by: String
    public var at: Int64

    public init(id: String, text: String, by: String, at: Int64) {
        self.id = id
        self.text = text
        self.by = by
        self.at = at
    }

    /// Longest note accepted, in characters.
    public static let maxLength = 500
}
