import Foundation
import GRDB

/// Secondary indexes are dropped while a snapshot streams in and built once at its end:
/// keeping seven board indexes current row by row made a 100,000-load snapshot several
/// times slower than sorting each index once.
///
/// The statements come from `sqlite_master` and wait in `sync_state` until the snapshot's last
/// page, so a crash mid-snapshot still ends with every index the migrations made.
enum SnapshotIndexes {
    static let stateKey = "snapshot_indexes"
    static let tables = ["loads", "events", "invoices", "payouts", "carriers"]

    static func drop(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(tables.map { "'\($0)'" }.joined(separator: ",")))
            """)
        guard !rows.isEmpty else { return }
        var saved = try Mirror.state(db, stateKey).map { [$0] } ?? []
        for row in rows {
            saved.append(row["sql"])
            try db.execute(sql: "DROP INDEX \(row["name"] as String)")
        }
        try Mirror.setState(db, stateKey, saved.joined(separator: ";\n"))
    }

    static func restore(_ db: Database) throws {
        guard let saved = try Mirror.state(db, stateKey) else { return }
        for statement in saved.components(separatedBy: ";\n") where !statement.isEmpty {
            try db.execute(sql: statement.replacingOccurrences(of: "CREATE INDEX", with: "CREATE INDEX IF NOT EXISTS"))
        }
        try Mirror.setState(db, stateKey, nil)
    }
}
