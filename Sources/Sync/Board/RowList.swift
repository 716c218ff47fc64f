import GRDB
import Domain

/// A board filter answered by a list of load rowids rather than by a column test: a text search
/// (FTS5) or a radius's box (`GeoCells`). Its rows become a `RowSet`.
struct RowList: Hashable, Sendable {
    /// What the list is, for caching: its SQL and arguments.
    let key: String
    let sql: String
    let arguments: [DatabaseValue]

    init(sql: String, arguments: [DatabaseValue]) {
        self.sql = sql
        self.arguments = arguments
        key = sql + "\u{1F}" + arguments.map(\.description).joined(separator: "\u{1F}")
    }

    /// Whether the query has a radius with a known centre (and so a list of cells).
    static func hasRadius(_ query: BoardQuery) -> Bool {
        [query.origin, query.destination].contains { $0?.miles != nil && $0?.center != nil }
    }

    /// The query's lists: its text search and each radius with a known centre.
    static func lists(_ query: BoardQuery) -> [RowList] {
        var lists: [RowList] = []
        if let text = query.text, let match = BoardFilterSQL.ftsMatch(text) {
            lists.append(RowList(sql: "SELECT rowid FROM loads_fts WHERE loads_fts MATCH ?", arguments: [match.databaseValue]))
        }
        for (place, end) in [(query.origin, "origin"), (query.destination, "dest")] {
            guard let place, let miles = place.miles, let center = place.center else { continue }
            // The box's cells only: the circle is tested on the load's own coordinates, for the few
            // rows a page reads. The equipment is tested here, in the cell index, where it is free.
            let list = GeoCells.list(end, center: center, miles: miles, equipment: query.equipment)
            lists.append(RowList(sql: list.sql, arguments: list.arguments))
        }
        return lists
    }
}
