import GRDB

/// Keeps drivers' scopes exact when a load changes hands (ElectricSQL calls this move-out / move-in).
///
/// A driver's feed is "my driver row, my loads and their events". When a load is reassigned,
/// the old driver must be told to delete it and its events, and the new driver must receive
/// the events even though they did not change.
enum ScopeMoves {
    static func loadChangedDriver(_ loadId: String, from old: String?, to new: String?,
                                  db: Database, sequence: Int64, now: Int64) throws {
        let eventIds = try String.fetchAll(db, sql: "SELECT id FROM events WHERE load_id = ?", arguments: [loadId])
        if let old {
            let exit = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO scope_exits(driver_id, tbl, id, seq, at) VALUES (?, ?, ?, ?, ?)
                """)
            try exit.execute(arguments: [old, "loads", loadId, sequence, now])
            for id in eventIds { try exit.execute(arguments: [old, "events", id, sequence, now]) }
        }
        if let new {
            // Coming back: a pending exit would delete what the new rows bring.
            let back = try db.cachedStatement(sql: "DELETE FROM scope_exits WHERE driver_id = ? AND tbl = ? AND id = ?")
            try back.execute(arguments: [new, "loads", loadId])
            for id in eventIds { try back.execute(arguments: [new, "events", id]) }
            // Moved in: the events are older than the new driver's cursor, so they are sent again.
            try db.execute(sql: "UPDATE events SET seq = ? WHERE load_id = ?", arguments: [sequence, loadId])
        }
    }
}
