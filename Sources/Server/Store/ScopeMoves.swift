import GRDB

/// `ScopeMove` for SQLite.
enum ScopeMoves {
    static func execute(_ move: ScopeMove, db: Database) throws {
        let eventIds = try String.fetchAll(db, sql: "SELECT id FROM events WHERE load_id = ?", arguments: [move.loadId])
        if let old = move.exitFor {
            let exit = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO scope_exits(driver_id, tbl, id, seq, at) VALUES (?, ?, ?, ?, ?)
                """)
            try exit.execute(arguments: [old, "loads", move.loadId, move.sequence, move.now])
            for id in eventIds { try exit.execute(arguments: [old, "events", id, move.sequence, move.now]) }
        }
        if let new = move.enterFor {
            let back = try db.cachedStatement(sql: "DELETE FROM scope_exits WHERE driver_id = ? AND tbl = ? AND id = ?")
            try back.execute(arguments: [new, "loads", move.loadId])
            for id in eventIds { try back.execute(arguments: [new, "events", id]) }
            try db.execute(sql: "UPDATE events SET seq = ? WHERE load_id = ?", arguments: [move.sequence, move.loadId])
        }
    }
}
