import Foundation
import Logging
import PostgresNIO
import Domain

/// The scale-out store: PostgreSQL through a postgres-nio connection pool, for several dispatchd
/// instances on one database.
///
/// It keeps the SQLite store's guarantees and wire output: every write transaction locks the
/// `meta` row `seq` first, so transactions take sequence numbers and commit in the same order and
/// a reader never sees n+1 without n; a pull page is read in one REPEATABLE READ snapshot; a commit
/// that changed anything sends `NOTIFY dispatch_changes, '<seq>'` so other instances wake their
/// long-polls (see `PostgresChangeListener`).
public final class PostgresStore: Store, Sendable {
    let client: PostgresClient
    let url: PostgresURL
    let logger: Logger
    /// Identifies this database in cursors, so a cursor from elsewhere resets.
    public let databaseId: String
    private let runner: Task<Void, Never>
    /// Clients that have pushed through any instance: loaded at start, added to by this
    /// instance's pushes and by the others' (`NOTIFY dispatch_changes, 'client:<id>'`, sent in
    /// the push transaction). A pull for a client not in it needs no `lastMutationId` query.
    let pushers = KnownClients()
    /// Loads decoded by earlier pushes (`LoadCache`).
    let loadCache = LoadCache()

    /// The notification channel commits are announced on.
    static let channel = "dispatch_changes"

    /// Connects to `url`, migrates the schema and reads (or creates) the database id.
    /// Throws `ServerError.storage` with a one-line reason if the database cannot be reached.
    public init(url: PostgresURL, maximumConnections: Int = 20, logger: Logger = Logger(label: "dispatchd.postgres")) async throws {
        try await PostgresStore.probe(url, logger: logger)
        var configuration = PostgresClient.Configuration(host: url.host, port: url.port, username: url.user,
                                                         password: url.password, database: url.database, tls: .disable)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = .seconds(5)
        let client = PostgresClient(configuration: configuration)
        self.client = client
        self.url = url
        self.logger = logger
        let runner = Task { await client.run() }
        self.runner = runner
        do {
            try await PostgresStore.migrate(client, logger: logger)
            databaseId = try await PostgresStore.databaseId(client, logger: logger)
            try await loadPushers()
        } catch {
            runner.cancel()
            await runner.value
            throw PostgresStore.storageError(error, doing: "open \(url.description)")
        }
    }

    /// Reads every client that has pushed (at start, and after the listener reconnects, since
    /// notifications sent while it was away are lost).
    func loadPushers() async throws {
        let ids = try await client.withConnection { connection in
            try await connection.query("SELECT client_id FROM clients", logger: self.logger).collect()
                .map { try $0.decode(String.self) }
        }
        for id in ids { pushers.insert(id) }
    }

    /// Closes the pool; the store cannot be used afterwards.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    public func currentSequence() async throws -> Int64 {
        try await run("read the sequence") { connection in
            try await PostgresStore.sequence(connection, logger: self.logger)
        }
    }

    static func sequence(_ connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        try await connection.scalar("SELECT value::bigint FROM meta WHERE key = 'seq'", as: Int64.self, logger: logger) ?? 0
    }

    /// Total rows per table, for `dispatchd seed`.
    public func counts() async throws -> [String: Int] {
        try await run("count rows") { connection in
            var result: [String: Int] = [:]
            for table in ["loads", "drivers", "carriers", "events", "invoices", "payouts", "users"] {
                let count = try await connection.scalar(PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(table)"),
                                                        as: Int64.self, logger: self.logger) ?? 0
                result[table] = Int(count)
            }
            return result
        }
    }

    /// One direct connection first: the pool would retry an unreachable server for a minute and
    /// then report only that its circuit breaker tripped.
    private static func probe(_ url: PostgresURL, logger: Logger) async throws {
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user,
                                                             password: url.password, database: url.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(5)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw storageError(error, doing: "connect to \(url.description)")
        }
    }

    private static func databaseId(_ client: PostgresClient, logger: Logger) async throws -> String {
        let fresh = String(UUID().uuidString.prefix(8)).lowercased()
        return try await client.withConnection { connection in
            try await connection.query("""
                INSERT INTO meta(key, value) VALUES ('database_id', \(fresh)) ON CONFLICT (key) DO NOTHING
                """, logger: logger)
            return try await connection.scalar("SELECT value FROM meta WHERE key = 'database_id'",
                                               as: String.self, logger: logger) ?? fresh
        }
    }
}
