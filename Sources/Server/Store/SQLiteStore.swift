import Foundation
import GRDB
import Domain

/// The embedded store: one SQLite file in WAL mode, for one box and the demo.
///
/// Entities are kept as their wire JSON beside the few columns the feed and
/// the rules filter on, so a pull splices stored JSON without re-encoding.
public final class SQLiteStore: Store {
    let pool: DatabasePool
    /// Clients that have pushed to this database. One SQLite file has one dispatchd, so a client
    /// not in it has consumed nothing and a pull's `lastMutationId` needs no query (10,000
    /// long-polls wake on every commit).
    let pushers = KnownClients()
    /// Loads decoded by earlier pushes (`LoadCache`): one dispatchd per file, so always exact.
    let loadCache = LoadCache()
    /// Identifies this database in cursors, so a cursor from elsewhere resets.
    public let databaseId: String

    /// Opens (creating and migrating if needed) the database at `path`.
    public init(path: String) throws {
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA busy_timeout = 5000")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try SQLiteStore.migrator.migrate(pool)
            databaseId = try pool.write { db in
                if let id = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'database_id'") {
                    return id
                }
                let id = String(UUID().uuidString.prefix(8)).lowercased()
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('database_id', ?)", arguments: [id])
                return id
            }
            for client in try pool.read({ db in try String.fetchAll(db, sql: "SELECT client_id FROM clients") }) {
                pushers.insert(client)
            }
        } catch let error as DatabaseError {
            throw ServerError.storage("cannot open \(path): \(error.message ?? error.description)")
        }
    }

    public func currentSequence() async throws -> Int64 {
        try await pool.read { db in try SQLiteStore.sequence(db) }
    }

    static func sequence(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'seq'") ?? 0
    }

    /// Takes the next change sequence number inside the caller's write transaction.
    /// SQLite serialises writers, so commit order is sequence order and a reader
    /// never sees n+1 without n.
    static func nextSequence(_ db: Database) throws -> Int64 {
        let statement = try db.cachedStatement(sql: """
            UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'seq' RETURNING CAST(value AS INTEGER)
            """)
        return try Int64.fetchOne(statement) ?? 0
    }

    /// Total rows per table, for `dispatchd seed` and health output.
    public func counts() async throws -> [String: Int] {
        try await pool.read { db in
            var result: [String: Int] = [:]
            for table in ["loads", "drivers", "carriers", "events", "invoices", "payouts", "users"] {
                result[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return result
        }
    }
}
