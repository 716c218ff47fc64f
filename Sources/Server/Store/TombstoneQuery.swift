import GRDB
import Domain

/// The deletions an actor's feed carries: real deletions in the tables it sees, and for a
/// driver also the rows that left its scope.
struct TombstoneQuery {
    var actor: Actor
    var collections: [String]

    private var tableList: String {
        collections.map { "'\($0)'" }.joined(separator: ",")
    }

    /// The query with `?` placeholders (`condition` compares `seq`), shared by both stores.
    func sql(_ condition: String, limit: Bool) -> String {
        var sql = "SELECT seq, tbl, id FROM tombstones WHERE \(condition) AND org = ? AND tbl IN (\(tableList))"
        if actor.role == .driver {
            sql += " UNION ALL SELECT seq, tbl, id FROM scope_exits WHERE \(condition) AND driver_id = ?"
        }
        return sql + " ORDER BY seq" + (limit ? " LIMIT ?" : "")
    }

    /// The values for `sql`'s placeholders, without the limit: a sequence number and the
    /// organisation, and for a driver the sequence number again and its driver id.
    func values(_ seq: Int64) -> (seq: Int64, org: String, driverId: String?) {
        (seq, actor.organization, actor.role == .driver ? actor.driverId ?? "" : nil)
    }

    private func arguments(_ seq: Int64) -> StatementArguments {
        let (seq, org, driverId) = values(seq)
        if let driverId { return [seq, org, seq, driverId] }
        return [seq, org]
    }

    /// Up to `limit` tombstones after `seq`, oldest first.
    func fetch(_ db: Database, after seq: Int64, limit: Int) throws -> [(seq: Int64, stone: Tombstone)] {
        var arguments = arguments(seq)
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql("seq > ?", limit: true), arguments: arguments).map(Self.decode)
    }

    /// Every tombstone of one sequence number (to finish a page that ends on it).
    func fetch(_ db: Database, at seq: Int64) throws -> [(seq: Int64, stone: Tombstone)] {
        try Row.fetchAll(db, sql: sql("seq = ?", limit: false), arguments: arguments(seq)).map(Self.decode)
    }

    private static func decode(_ row: Row) -> (seq: Int64, stone: Tombstone) {
        (seq: row[0], stone: Tombstone(table: row[1], id: row[2]))
    }
}
