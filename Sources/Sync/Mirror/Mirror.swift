import Foundation
import GRDB
import Domain

/// The console's local copy of its scope of the server, plus the outbox of unconfirmed edits.
///
/// The tables hold the *local view*: server state with pending mutations
/// replayed on top. `shadow` keeps the server's version of every row a pending
/// mutation touched, so a rebase can restore it.
public final class Mirror: Sendable {
    public let pool: DatabasePool
    public let path: String
    /// Board plan choices per query, so paging does not probe again.
    let plans = PlanCache()
    /// The text and radius row sets the connections share, and each one's SQL function (`BoardPlan`).
    let rowSets: RowSetStores
    /// Set while the sort indexes a snapshot left are built (`buildDeferredIndexes`).
    let indexBuilder = IndexBuilderFlag()

    /// The writer's page cache (negative: KiB), outside bulk applies.
    static let cacheKiB = -16000
    /// Each reader's page cache.
    static let readerCacheKiB = -4000

    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        let rowSets = RowSetStores()
        self.rowSets = rowSets
        config.prepareDatabase { db in
            rowSets.install(on: db)
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA busy_timeout = 5000")
            // The writer keeps 16 MB of pages for applies; a reader reads a 50-row page or scans
            // for totals, where a big cache only adds to the console's memory (readers × cache).
            try db.execute(sql: "PRAGMA cache_size = \(db.configuration.readonly ? Mirror.readerCacheKiB : Mirror.cacheKiB)")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // A snapshot's last transaction leaves a WAL of hundreds of megabytes; after a
            // checkpoint the file is cut back to this.
            try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
        }
        // Board page, totals, detail and map can run at once; more readers only hold more cache.
        config.maximumReaderCount = 3
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try Mirror.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw SyncError.mirror("cannot open \(path): \(error.message ?? error.description)")
        }
    }

    /// A value kept in `sync_state`.
    public func state(_ key: String) async throws -> String? {
        try await pool.read { db in try Mirror.state(db, key) }
    }

    /// Drops the pull cursor so the next pull is a full snapshot; the outbox is untouched.
    public func forgetCursor() async throws {
        try await pool.write { db in try Mirror.setState(db, "cursor", nil) }
    }

    static func state(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM sync_state WHERE key = ?", arguments: [key])
    }

    static func setState(_ db: Database, _ key: String, _ value: String?) throws {
        if let value {
            try db.execute(sql: "INSERT OR REPLACE INTO sync_state(key, value) VALUES (?, ?)", arguments: [key, value])
        } else {
            try db.execute(sql: "DELETE FROM sync_state WHERE key = ?", arguments: [key])
        }
    }

    /// This console's id in the push protocol, created once per mirror.
    public func clientId() async throws -> String {
        try await pool.write { db in
            if let id = try Mirror.state(db, "client_id") { return id }
            let id = UUID().uuidString.lowercased()
            try Mirror.setState(db, "client_id", id)
            return id
        }
    }

    /// Rows per table, for `dispatch sync` output.
    public func counts() async throws -> [String: Int] {
        try await pool.read { db in
            var result: [String: Int] = [:]
            for table in ["loads", "drivers", "carriers", "events", "invoices", "payouts", "outbox", "conflicts"] {
                result[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return result
        }
    }

    /// `PRAGMA integrity_check`, "ok" when the file is sound.
    public func integrityCheck() async throws -> String {
        try await pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "unknown" }
    }
}
