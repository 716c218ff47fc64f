import PostgresNIO

extension PostgresStore {
    /// Deletes tombstones and scope exits recorded before `cutoff` (seconds since 1970) and
    /// moves the horizon past them, as `SQLiteStore.pruneTombstones(before:)` does.
    ///
    /// - Returns: how many were pruned.
    @discardableResult
    public func pruneTombstones(before cutoff: Int64) async throws -> Int {
        try await write("prune tombstones") { connection, _ in
            let newest = try await connection.scalar("""
                SELECT MAX(seq) FROM (SELECT seq FROM tombstones WHERE at < \(cutoff)
                                      UNION ALL SELECT seq FROM scope_exits WHERE at < \(cutoff)) AS old
                """, as: Int64.self, logger: self.logger)
            guard let newest else { return (0, nil) }
            let tombstones = try await connection.column("DELETE FROM tombstones WHERE seq <= \(newest) RETURNING 1",
                                                         as: Int32.self, logger: self.logger).count
            let exits = try await connection.column("DELETE FROM scope_exits WHERE seq <= \(newest) RETURNING 1",
                                                    as: Int32.self, logger: self.logger).count
            try await connection.query("""
                UPDATE meta SET value = GREATEST(value::bigint, \(newest))::text WHERE key = 'horizon'
                """, logger: self.logger)
            return (tombstones + exits, nil)
        }
    }
}
