import Foundation
import Logging
import PostgresNIO
import Testing
import Server

/// The stores the protocol suites run against: SQLite always, PostgreSQL when the test command
/// started a cluster and set `DISPATCH_TEST_POSTGRES_URL` (scripts/test.sh always does).
enum StoreKind: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var available: [StoreKind] { TestPostgres.url == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }

    /// A new, empty database of this kind.
    func freshStorage(in directory: URL) async throws -> DispatchServer.Configuration.Storage {
        switch self {
        case .sqlite: return .sqlite(path: directory.appendingPathComponent("server.sqlite").path)
        case .postgres: return .postgres(try await TestPostgres.create())
        }
    }
}

/// The throwaway cluster scripts/test.sh starts: one fresh database per test, so tests run in parallel.
enum TestPostgres {
    static let url: PostgresURL? = ProcessInfo.processInfo.environment["DISPATCH_TEST_POSTGRES_URL"]
        .flatMap { try? PostgresURL($0) }

    struct NotConfigured: Error, CustomStringConvertible {
        var description: String { "DISPATCH_TEST_POSTGRES_URL is not set (scripts/test.sh starts a cluster and sets it)" }
    }

    /// Runs `body` on a connection to `url` (the cluster's main database unless given).
    static func with<T: Sendable>(_ url: PostgresURL? = nil,
                                  _ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        guard let target = url ?? self.url else { throw NotConfigured() }
        let client = PostgresClient(configuration: .init(host: target.host, port: target.port, username: target.user,
                                                         password: target.password, database: target.database,
                                                         tls: .disable))
        let runner = Task { await client.run() }
        defer { runner.cancel() }
        return try await client.withConnection { try await body($0) }
    }

    static func create() async throws -> PostgresURL {
        guard let base = url else { throw NotConfigured() }
        let name = "dispatch_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try await with { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        return base.with(database: name)
    }

    static func drop(_ database: PostgresURL) async throws {
        try await with { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(database.database) WITH (FORCE)"),
                                       logger: logger)
        }
    }

    static let logger = Logger(label: "test-postgres")
}
