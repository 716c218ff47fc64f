import Logging
import PostgresNIO

/// `ScopeMove` for PostgreSQL: each part one statement.
struct PostgresScopeMoves {
    let connection: PostgresConnection
    let logger: Logger

    func execute(_ move: ScopeMove) async throws {
        let (loadId, sequence, now) = (move.loadId, move.sequence, move.now)
        if let old = move.exitFor {
            try await connection.query("""
                INSERT INTO scope_exits(driver_id, tbl, id, seq, at)
                SELECT \(old), 'loads', \(loadId), \(sequence), \(now)
                UNION ALL SELECT \(old), 'events', id, \(sequence), \(now) FROM events WHERE load_id = \(loadId)
                ON CONFLICT (driver_id, tbl, id) DO UPDATE SET seq = EXCLUDED.seq, at = EXCLUDED.at
                """, logger: logger)
        }
        if let new = move.enterFor {
            try await connection.query("""
                DELETE FROM scope_exits WHERE driver_id = \(new) AND ((tbl = 'loads' AND id = \(loadId))
                    OR (tbl = 'events' AND id IN (SELECT id FROM events WHERE load_id = \(loadId))))
                """, logger: logger)
            try await connection.query("UPDATE events SET seq = \(sequence) WHERE load_id = \(loadId)", logger: logger)
        }
    }
}
