import Foundation
import GRDB
import Domain

/// A queued edit as listed by `dispatch outbox` and the Outbox pane.
public struct OutboxEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var summary: String
    public var createdAt: Int64
    public var envelope: MutationEnvelope
}

/// An edit the server refused, kept until retried or discarded.
public struct ConflictEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var summary: String
    public var code: String
    public var reason: String
    public var at: Int64
    public var envelope: MutationEnvelope
}

extension Mirror {
    /// Runs the rules locally and, if they pass, queues the mutation and shows its effect,
    /// all in one transaction: the edit is on disk before the screen can show it.
    ///
    /// - Throws: `SyncError.rejected` when the local rules refuse (nothing is queued).
    @discardableResult
    public func enqueue(_ mutation: Mutation, by actor: Actor, now: Int64 = Int64(Date().timeIntervalSince1970)) async throws -> Int64 {
        do {
            let id = try await pool.write { db in
                let id = try Mirror.enqueue(mutation, by: actor, now: now, db: db)
                Failpoint.hit("enqueue-before-commit")
                return id
            }
            Failpoint.hit("enqueue-after-commit")
            return id
        } catch let rejection as MutationRejection {
            throw SyncError.rejected(rejection)
        }
    }

    /// Queues every mutation in one transaction, under the local rules: all of them or, if the
    /// rules refuse one, none (a bulk import is never half queued).
    ///
    /// - Throws: `SyncError.rejected` with the first refusal.
    @discardableResult
    public func enqueueAll(_ mutations: [Mutation], by actor: Actor,
                           now: Int64 = Int64(Date().timeIntervalSince1970)) async throws -> [Int64] {
        do {
            return try await pool.write { db in
                // Thousands of new rows: written with the board's indexes and search triggers set
                // aside and rebuilt once at the end, as a snapshot does (each row otherwise updated
                // some twenty indexes and the search tables one by one).
                let bulk = mutations.count >= Mirror.bulkRows
                if bulk {
                    try Mirror.suspendSearch(db)
                    try SnapshotIndexes.drop(db)
                }
                let ids = try Mirror.withBulkCache(db) { try mutations.map { try Mirror.enqueue($0, by: actor, now: now, db: db) } }
                if bulk {
                    try SnapshotIndexes.restore(db)
                    try Mirror.restoreSearch(db)
                }
                return ids
            }
        } catch let rejection as MutationRejection {
            throw SyncError.rejected(rejection)
        }
    }

    /// Which of `ids` the mirror has as loads (synced or made here and not yet confirmed).
    public func existingLoads(_ ids: [String]) async throws -> Set<String> {
        try await pool.read { db in
            var found: Set<String> = []
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                found.formUnion(try String.fetchAll(db, sql: "SELECT id FROM loads WHERE id IN (\(marks))",
                                                    arguments: StatementArguments(chunk)))
            }
            return found
        }
    }

    static func enqueue(_ mutation: Mutation, by actor: Actor, now: Int64, db: Database) throws -> Int64 {
        let next = Int64(try Mirror.state(db, "next_mutation_id") ?? "1") ?? 1
        let envelope = MutationEnvelope(id: next, mutation: mutation, createdAt: now)
        try Mutator.apply(mutation, by: actor, in: MirrorMutationStore(db: db), now: now)
        try db.execute(sql: "INSERT INTO outbox(id, name, envelope, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [next, mutation.name, try envelope.argsJSON(), now])
        try Mirror.setState(db, "next_mutation_id", String(next + 1))
        return next
    }

    public func outbox() async throws -> [OutboxEntry] {
        try await pool.read { db in try Mirror.outbox(db) }
    }

    static func outbox(_ db: Database, after id: Int64 = 0, limit: Int = 1_000_000) throws -> [OutboxEntry] {
        try Row.fetchAll(db, sql: "SELECT id, name, envelope, created_at FROM outbox WHERE id > ? ORDER BY id LIMIT ?",
                         arguments: [id, limit]).map { row in
            let envelope = try JSONDecoder.wire.decode(MutationEnvelope.self, from: Data((row["envelope"] as String).utf8))
            return OutboxEntry(id: row["id"], name: row["name"], summary: envelope.mutation.summary,
                               createdAt: row["created_at"], envelope: envelope)
        }
    }

    public func conflicts() async throws -> [ConflictEntry] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM conflicts ORDER BY id").map { row in
                let envelope = try JSONDecoder.wire.decode(MutationEnvelope.self, from: Data((row["envelope"] as String).utf8))
                return ConflictEntry(id: row["id"], summary: envelope.mutation.summary, code: row["code"],
                                     reason: row["reason"], at: row["at"], envelope: envelope)
            }
        }
    }

    /// Number of unconfirmed edits and of conflicts, for the status bar.
    public func queueCounts() async throws -> (pending: Int, conflicts: Int) {
        try await pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM conflicts") ?? 0)
        }
    }

    /// Records the server's answer to a push: refused edits become conflicts right away,
    /// so the user learns within this sync; the outbox entries stay until a pull confirms them.
    func recordPushResults(_ response: PushResponse, sent: [OutboxEntry], now: Int64) async throws {
        try await pool.write { db in
            for result in response.results where result.status == .rejected {
                guard let entry = sent.first(where: { $0.id == result.id }) else { continue }
                try db.execute(sql: """
                    INSERT OR REPLACE INTO conflicts(id, envelope, code, reason, at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [entry.id, try entry.envelope.argsJSON(),
                                     result.rejection?.code.rawValue ?? "rejected",
                                     result.rejection?.message ?? "refused by the server", now])
            }
            try Mirror.setState(db, "acked_mutation_id", String(response.lastMutationId))
        }
    }
}
