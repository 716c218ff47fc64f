import Foundation

/// Why a typed filter value was refused; the wording is shown under the field or by the CLI.
public struct BoardInputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// The filter field at fault when the form cannot tell by itself ("origin", "destination").
    public var field: String?
    public init(_ message: String, field: String? = nil) {
        self.message = message
        self.field = field
    }
    public var description: String { message }
}
