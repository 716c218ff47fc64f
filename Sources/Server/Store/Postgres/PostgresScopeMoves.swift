import Logging
import PostgresNIO

/// `ScopeMoves` for PostgreSQL: when a load changes hands, the old driver gets scope exits for the
/// load and its events, the new driver loses pending exits and gets the events again.
struct PostgresScopeMoves {
    let connection: PostgresConnection
    let logger: Logger

    func loadChangedDriver(_ loadId: String, from old: String?, to new: String?, sequence: Int64, now: Int64) async throws {
        if let old {
            try await connection.query("""
                INSERT INTO scope_exits(driver_id, tbl, id, seq, at)
                SELECT \(old), 'loads', \(loadId), \(sequence), \(now)
                UNION ALL SELECT \(old), 'events', id, \(sequence), \(now) FROM events WHERE load_id = \(loadId)
                ON CONFLICT (driver_id, tbl, id) DO UPDATE SET seq = EXCLUDED.seq, at = EXCLUDED.at
                """, logger: logger)
        }
        if let new {
            // Coming back: a pending exit would delete what the new rows bring.
            try await connection.query("""
                DELETE FROM scope_exits WHERE driver_id = \(new) AND ((tbl = 'loads' AND id = \(loadId))
                    OR (tbl = 'events' AND id IN (SELECT id FROM events WHERE load_id = \(loadId))))
                """, logger: logger)
            // Moved in: the events are older than the new driver's cursor, so they are sent again.
            try await connection.query("UPDATE events SET seq = \(sequence) WHERE load_id = \(loadId)", logger: logger)
        }
    }
}
