import Foundation
import GRDB
import PostgresNIO
import Domain
@testable import Server

/// Reads and changes the server's own tables directly, on either store: what an operator (or
/// another system writing to the database) would do.
extension TestServer {
    /// Reads the server's tables with the query for whichever store it runs on.
    private func read<T: Sendable>(sqlite: @escaping @Sendable (Database) throws -> T,
                                   postgres: @Sendable (PostgresConnection, Logger) async throws -> T) async throws -> T {
        switch server.store {
        case let store as SQLiteStore: return try await store.pool.read(sqlite)
        case let store as PostgresStore: return try await store.run("inspect") { try await postgres($0, store.logger) }
        default: throw ServerError.storage("unknown store \(type(of: server.store))")
        }
    }

    /// (mutation id, sequence number) of every mutation the server consumed for `clientId`, in id order.
    func consumedMutations(_ clientId: String) async throws -> [(id: Int64, seq: Int64?)] {
        try await read(sqlite: { db in
            try Row.fetchAll(db, sql: "SELECT mutation_id, seq FROM mutation_results WHERE client_id = ? ORDER BY mutation_id",
                             arguments: [clientId]).map { (id: $0[0] as Int64, seq: $0[1] as Int64?) }
        }, postgres: { connection, logger in
            var rows: [(id: Int64, seq: Int64?)] = []
            for try await (id, seq) in try await connection.query("""
                SELECT mutation_id, seq FROM mutation_results WHERE client_id = \(clientId) ORDER BY mutation_id
                """, logger: logger).decode((Int64, Int64?).self) {
                rows.append((id, seq))
            }
            return rows
        })
    }

    /// What the server stores of its sessions: one token digest each.
    func sessionDigests() async throws -> [String] {
        try await read(sqlite: { db in
            try String.fetchAll(db, sql: "SELECT token_hash FROM sessions")
        }, postgres: { connection, logger in
            var digests: [String] = []
            for try await digest in try await connection.query("SELECT token_hash FROM sessions", logger: logger)
                .decode(String.self) {
                digests.append(digest)
            }
            return digests
        })
    }

    /// Bodies of `table` whose JSON contains `text`.
    func bodies(of table: String, containing text: String) async throws -> [String] {
        try await read(sqlite: { db in
            try String.fetchAll(db, sql: "SELECT body FROM \(table) WHERE instr(body, ?) > 0", arguments: [text])
        }, postgres: { connection, logger in
            try await connection.column(PostgresStatement("SELECT body FROM \(table) WHERE strpos(body, ?) > 0",
                                                          [.text(text)]).query, as: String.self, logger: logger)
        })
    }

    /// The client's stored last mutation id, nil if the server never saw it.
    func lastMutationId(_ clientId: String) async throws -> Int64? {
        try await read(sqlite: { db in
            try Int64.fetchOne(db, sql: "SELECT last_mutation_id FROM clients WHERE client_id = ?", arguments: [clientId])
        }, postgres: { connection, logger in
            try await connection.scalar("SELECT last_mutation_id FROM clients WHERE client_id = \(clientId)",
                                        as: Int64.self, logger: logger)
        })
    }

    /// Rewrites one row's body as a new version in its own transaction with its own sequence
    /// number (an adjustment, an FMCSA re-check). Carriers keep their `verdict` column in step.
    func rewrite<T: Codable & Sendable>(_ table: String, _ id: String, as type: T.Type,
                                        _ change: @Sendable (inout T) -> Void) async throws {
        @Sendable func changed(_ json: String) throws -> (body: String, verdict: String?) {
            var value = try JSONDecoder.wire.decode(T.self, from: Data(json.utf8))
            change(&value)
            return (String(decoding: try JSONEncoder.wire.encode(value), as: UTF8.self), (value as? Carrier)?.verdict.rawValue)
        }
        switch server.store {
        case let sqlite as SQLiteStore:
            try await sqlite.pool.write { db in
                guard let json = try String.fetchOne(db, sql: "SELECT body FROM \(table) WHERE id = ?", arguments: [id]) else {
                    throw ServerError.notFound("no \(id) in \(table)")
                }
                let (body, verdict) = try changed(json)
                let seq = try SQLiteStore.nextSequence(db)
                try db.execute(sql: "UPDATE \(table) SET body = ?, seq = ? WHERE id = ?", arguments: [body, seq, id])
                if let verdict { try db.execute(sql: "UPDATE carriers SET verdict = ? WHERE id = ?", arguments: [verdict, id]) }
            }
        case let postgres as PostgresStore:
            try await postgres.write("rewrite") { connection, _ in
                guard let json = try await connection.scalar(PostgresStatement("SELECT body FROM \(table) WHERE id = ?",
                                                                               [.text(id)]).query,
                                                             as: String.self, logger: postgres.logger) else {
                    throw ServerError.notFound("no \(id) in \(table)")
                }
                let (body, verdict) = try changed(json)
                let seq = try await PostgresStore.nextSequence(connection, logger: postgres.logger)
                _ = try await connection.query(PostgresStatement("UPDATE \(table) SET body = ?, seq = ? WHERE id = ?",
                                                                 [.text(body), .int(seq), .text(id)]).query,
                                               logger: postgres.logger)
                if let verdict {
                    _ = try await connection.query("UPDATE carriers SET verdict = \(verdict) WHERE id = \(id)",
                                                   logger: postgres.logger)
                }
                return ((), seq)
            }
        default:
            throw ServerError.storage("unknown store")
        }
    }
}
