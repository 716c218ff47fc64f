import Domain

/// A named board filter and sort the user keeps (`:view save NAME`), stored in the data directory.
public struct SavedView: Codable, Sendable, Hashable {
    public var name: String
    public var query: BoardQuery
    public init(name: String, query: BoardQuery) {
        self.name = name
        self.query = query
    }
}
