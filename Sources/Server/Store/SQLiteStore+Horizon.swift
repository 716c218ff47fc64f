import GRDB
import Domain

extension SQLiteStore {
    /// Sequence number up to which tombstones were pruned; a cursor before it must reset.
    static func horizon(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'horizon'") ?? 0
    }

    /// Deletes tombstones and scope exits recorded before `cutoff` (seconds since 1970) and
    /// moves the horizon past them, so a console that was away longer gets a clean reset
    /// instead of missing a deletion.
    ///
    /// - Returns: how many were pruned.
    @discardableResult
    public func pruneTombstones(before cutoff: Int64) async throws -> Int {
        try await pool.write { db in
            let newest = try Int64.fetchOne(db, sql: """
                SELECT MAX(seq) FROM (SELECT seq FROM tombstones WHERE at < ?1 UNION ALL SELECT seq FROM scope_exits WHERE at < ?1)
                """, arguments: [cutoff])
            guard let newest else { return 0 }
            try db.execute(sql: "DELETE FROM tombstones WHERE seq <= ?", arguments: [newest])
            var pruned = db.changesCount
            try db.execute(sql: "DELETE FROM scope_exits WHERE seq <= ?", arguments: [newest])
            pruned += db.changesCount
            try db.execute(sql: """
                UPDATE meta SET value = CAST(MAX(CAST(value AS INTEGER), ?) AS TEXT) WHERE key = 'horizon'
                """, arguments: [newest])
            return pruned
        }
    }
}
