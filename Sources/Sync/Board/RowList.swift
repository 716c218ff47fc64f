import GRDB
import Domain

/// A board filter answered by a list of load rowids rather than by a column test: a text search
/// (FTS5) or a radius's box (R*Tree). Its rows become a `RowSet`.
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

    /// The query's lists: its text search and each radius with a known centre.
    static func lists(_ query: BoardQuery) -> [RowList] {
        var lists: [RowList] = []
        if let text = query.text, let match = BoardFilterSQL.ftsMatch(text) {
            lists.append(RowList(sql: "SELECT rowid FROM loads_fts WHERE loads_fts MATCH ?", arguments: [match.databaseValue]))
        }
        for (place, geo) in [(query.origin, "loads_origin_geo"), (query.destination, "loads_dest_geo")] {
            guard let place, let miles = place.miles, let center = place.center else { continue }
            let box = center.box(roadMiles: miles)
            // The box only: the circle is tested on the load's own coordinates, for the few rows
            // a page reads. Reading R*Tree columns to test it here made the list four times slower.
            lists.append(RowList(
                sql: "SELECT id FROM \(geo) WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?",
                arguments: [box.minLat, box.maxLat, box.minLon, box.maxLon].map(\.databaseValue)))
        }
        return lists
    }
}
