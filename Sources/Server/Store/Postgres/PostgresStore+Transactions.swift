import Logging
import PostgresNIO

extension PostgresStore {
    /// Runs `body` on a pooled connection; database failures become `ServerError.storage`.
    func run<T: Sendable>(_ doing: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw PostgresStore.storageError(error, doing: doing)
        }
    }

    /// One read-only REPEATABLE READ transaction: every query in `body` sees the same snapshot.
    func readSnapshot<T: Sendable>(_ doing: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await run(doing) { connection in
            try await PostgresStore.transaction(connection, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                                                logger: logger, body)
        }
    }

    /// One write transaction that holds the `seq` row lock from its start to its commit.
    ///
    /// Writers therefore run one at a time, take sequence numbers in commit order, and a reader
    /// never sees sequence n+1 committed without n. `body` gets the sequence number at the start;
    /// if it returns a higher one, `NOTIFY dispatch_changes` announces it on commit.
    func write<T: Sendable>(_ doing: String,
                            _ body: (PostgresConnection, Int64) async throws -> (T, changedTo: Int64?)) async throws -> T {
        try await run(doing) { connection in
            try await PostgresStore.transaction(connection, begin: "BEGIN", logger: logger) { connection in
                let start = try await connection.scalar("SELECT value::bigint FROM meta WHERE key = 'seq' FOR UPDATE",
                                                        as: Int64.self, logger: logger) ?? 0
                let (value, changed) = try await body(connection, start)
                if let changed, changed > start {
                    try await connection.query("SELECT pg_notify(\(PostgresStore.channel), \(String(changed)))", logger: logger)
                }
                return value
            }
        }
    }

    /// Takes the next sequence number inside a write transaction (which already holds the row lock).
    static func nextSequence(_ connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        guard let next = try await connection.scalar("""
            UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'seq' RETURNING value::bigint
            """, as: Int64.self, logger: logger) else {
            throw ServerError.storage("the meta row 'seq' is missing; the schema was not migrated")
        }
        return next
    }

    /// BEGIN … COMMIT around `body`, ROLLBACK on any error, which is rethrown as it was
    /// (postgres-nio's `withTransaction` would wrap rule errors such as `mutation_gap`).
    static func transaction<T: Sendable>(_ connection: PostgresConnection, begin: PostgresQuery, logger: Logger,
                                         _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await connection.query(begin, logger: logger)
        do {
            let value = try await body(connection)
            try await connection.query("COMMIT", logger: logger)
            return value
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// A database failure in one line an operator can act on; `ServerError`s pass unchanged.
    static func storageError(_ error: any Error, doing: String) -> any Error {
        if error is ServerError || error is CancellationError { return error }
        guard let psql = error as? PSQLError else { return ServerError.storage("cannot \(doing): \(error)") }
        if let message = psql.serverInfo?[.message] {
            return ServerError.storage("cannot \(doing): \(message)")
        }
        if let underlying = psql.underlying {
            return ServerError.storage("cannot \(doing): \(underlying)")
        }
        return ServerError.storage("cannot \(doing): \(psql.code)")
    }
}

extension PostgresConnection {
    /// The first column of the first row, or nil when there is no row (or it is NULL).
    func scalar<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type, logger: Logger) async throws -> T?
    where T._DecodableType == T {
        // Collected, not iterated: leaving a row stream early would leave the connection mid-query.
        guard let row = try await self.query(query, logger: logger).collect().first else { return nil }
        return try row.decode(T?.self)
    }

    /// Every row's first column.
    func column<T: PostgresDecodable & Sendable>(_ query: PostgresQuery, as type: T.Type, logger: Logger) async throws -> [T] {
        var values: [T] = []
        for try await (value) in try await self.query(query, logger: logger).decode(T.self) { values.append(value) }
        return values
    }
}
