/// What is wrong with one field of something typed, in words for beside that field.
public struct FieldProblem<Field: Hashable & Sendable & CustomStringConvertible>: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: Field
    public var message: String

    public init(_ field: Field, _ message: String) {
        self.field = field
        self.message = message
    }

    /// "weight: must be between 1 and 150,000 lbs"
    public var description: String { "\(field): \(message)" }
}
