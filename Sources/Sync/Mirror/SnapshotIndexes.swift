import Foundation
import GRDB

/// Secondary indexes are dropped while a snapshot streams in and built once at its end:
/// keeping seven board indexes current row by row made a 100,000-load snapshot several
/// times slower than sorting each index once.
///
/// The statements come from `sqlite_master` and wait in `sync_state` until the snapshot's last
/// page, so a crash mid-snapshot still ends with every index the migrations made.
///
/// At the end, only the indexes the first screens need are built in the snapshot's last
/// transaction. The other sort indexes of `loads` (sixteen of them, 1.7 s of a 100,000-load
/// snapshot: SQLite scans the whole table once for each) wait in `sync_state` too and are built
/// right after, one per transaction (`Mirror.buildDeferredIndexes`). Until then a sort on one of
/// those columns is answered without its index: the same rows, read more slowly.
enum SnapshotIndexes {
    static let stateKey = "snapshot_indexes"
    /// The statements of the indexes still to build after a snapshot.
    static let deferredKey = "snapshot_indexes_deferred"
    static let tables = ["loads", "events", "invoices", "payouts", "carriers"]

    /// Indexes of `loads` built with the snapshot: the board's default order, a driver's loads,
    /// and the radius cells, which queries name with `INDEXED BY`.
    static let builtAtOnce: Set<String> = ["loads_pickup_geo", "loads_driver", "loads_origin_cell", "loads_dest_cell"]

    static func drop(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(tables.map { "'\($0)'" }.joined(separator: ",")))
            """)
        // Indexes a previous snapshot left to build are built at this one's end with the rest.
        var saved: [String] = [try Mirror.state(db, stateKey), try Mirror.state(db, deferredKey)].compactMap { $0 }
        try Mirror.setState(db, deferredKey, nil)
        guard !rows.isEmpty || !saved.isEmpty else { return }
        for row in rows {
            saved.append(row["sql"])
            try db.execute(sql: "DROP INDEX \(row["name"] as String)")
        }
        try Mirror.setState(db, stateKey, saved.joined(separator: ";\n"))
    }

    /// Builds what the first screens need; leaves the other sort indexes of `loads` for
    /// `buildNext`.
    static func restore(_ db: Database) throws {
        guard let saved = try Mirror.state(db, stateKey) else { return }
        var deferred = try Mirror.state(db, deferredKey).map { statements($0) } ?? []
        for statement in statements(saved) {
            if let (name, table) = target(of: statement), table == "loads", !builtAtOnce.contains(name) {
                if !deferred.contains(statement) { deferred.append(statement) }
            } else {
                try create(db, statement)
            }
        }
        try Mirror.setState(db, stateKey, nil)
        try Mirror.setState(db, deferredKey, deferred.isEmpty ? nil : deferred.joined(separator: ";\n"))
    }

    /// Builds one deferred index; false when none is left (or a snapshot is streaming in, whose
    /// end will build them).
    static func buildNext(_ db: Database) throws -> Bool {
        guard try Mirror.state(db, stateKey) == nil, let saved = try Mirror.state(db, deferredKey) else { return false }
        var rest = statements(saved)
        guard !rest.isEmpty else {
            try Mirror.setState(db, deferredKey, nil)
            return false
        }
        try create(db, rest.removeFirst())
        try Mirror.setState(db, deferredKey, rest.isEmpty ? nil : rest.joined(separator: ";\n"))
        return !rest.isEmpty
    }

    /// Gives an index of `loads` a new definition (a migration's). On a large mirror it is built
    /// later, like the sort indexes a snapshot defers (the next sync starts it), so opening the
    /// console does not wait seconds for it; a small one builds it at once.
    ///
    /// Wherever the old definition is, the new one takes its place: built, it is dropped and the
    /// new one built or listed to build; saved by a snapshot still streaming in, or listed to
    /// build, its statement is replaced.
    static func redefine(_ db: Database, _ statement: String, deferAbove rows: Int = 10_000) throws {
        guard let (name, _) = target(of: statement) else { return }
        func without(_ list: [String]) -> [String] { list.filter { target(of: $0)?.name != name } }
        if let saved = try Mirror.state(db, stateKey) {
            try Mirror.setState(db, stateKey, (without(statements(saved)) + [statement]).joined(separator: ";\n"))
            return
        }
        try db.execute(sql: "DROP INDEX IF EXISTS \(name)")
        var deferred = without(try Mirror.state(db, deferredKey).map { statements($0) } ?? [])
        let large = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM loads LIMIT ?)", arguments: [rows]) ?? 0
        if large >= rows { deferred.append(statement) } else { try create(db, statement) }
        try Mirror.setState(db, deferredKey, deferred.isEmpty ? nil : deferred.joined(separator: ";\n"))
    }

    /// How many indexes are still to build after a snapshot.
    static func deferredCount(_ db: Database) throws -> Int {
        try Mirror.state(db, deferredKey).map { statements($0).count } ?? 0
    }

    private static func statements(_ saved: String) -> [String] {
        saved.components(separatedBy: ";\n").filter { !$0.isEmpty }
    }

    private static func create(_ db: Database, _ statement: String) throws {
        try db.execute(sql: statement.replacingOccurrences(of: "CREATE INDEX", with: "CREATE INDEX IF NOT EXISTS"))
    }

    /// The index name and table of a `CREATE INDEX name ON table(...)` statement from `sqlite_master`.
    static func target(of statement: String) -> (name: String, table: String)? {
        let words = statement.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" })
        guard let on = words.firstIndex(where: { $0.uppercased() == "ON" }), on > 0, on + 1 < words.count else { return nil }
        return (String(words[on - 1]), String(words[on + 1]))
    }
}
