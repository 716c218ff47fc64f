import Foundation
import GRDB
import Domain

extension SQLiteStore {
    public func push(actor: Actor, request: PushRequest, now: Int64) async throws -> PushResponse {
        try PushShape.check(request)
        pushers.insert(request.clientId)
        let cache = loadCache
        let (response, seen) = try await pool.write { db in
            let seen = SeenLoads()
            let response = try SQLiteStore.applyPush(db, actor: actor, request: request, now: now, cache: cache, seen: seen)
            Failpoint.hit("push-before-commit")
            return (response, seen.committed)
        }
        // Committed: every load the push read or wrote is the stored row at its sequence number.
        cache.remember(seen)
        // Committed, not yet answered: the client will retry and must get the stored results.
        Failpoint.hit("push-after-commit")
        return response
    }

    /// Runs inside one write transaction: each mutation's effects and the client's
    /// last mutation id commit together, so a lost response never leads to a second application.
    /// What it does is `PushPlan`'s; the sequence number is `PushSequence`'s (one per push).
    static func applyPush(_ db: Database, actor: Actor, request: PushRequest, now: Int64,
                          cache: LoadCache, seen: SeenLoads) throws -> PushResponse {
        let owner = try String.fetchOne(db, sql: "SELECT user FROM clients WHERE client_id = ?",
                                        arguments: [request.clientId])
        var last = try Int64.fetchOne(db, sql: "SELECT last_mutation_id FROM clients WHERE client_id = ?",
                                      arguments: [request.clientId]) ?? 0
        let plan = try PushPlan(request, actor: actor, owner: owner, lastMutationId: last)
        if plan.registersClient {
            try db.execute(sql: "INSERT INTO clients(client_id, user, last_mutation_id) VALUES (?, ?, 0)",
                           arguments: [request.clientId, actor.user])
        }
        var sequence = PushSequence()
        var results: [MutationResult] = []
        for step in plan.steps {
            switch step {
            case .replay(let id):
                results.append(try replay(db, clientId: request.clientId, id: id))
            case .apply(let envelope):
                let result = try apply(db, envelope: envelope, actor: actor, now: now, sequence: &sequence,
                                       cache: cache, seen: seen)
                // Cached: one per mutation, and parsing it showed in profiles of a push.
                try db.cachedStatement(sql: """
                    INSERT INTO mutation_results(client_id, mutation_id, status, rejection, seq) VALUES (?, ?, ?, ?, ?)
                    """).execute(arguments: [request.clientId, envelope.id, result.status.rawValue,
                                     try result.rejection.map { String(decoding: try JSONEncoder.wire.encode($0), as: UTF8.self) },
                                     result.status == .applied ? sequence.value : nil])
                last = envelope.id
                results.append(result)
            }
        }
        try db.execute(sql: "UPDATE clients SET last_mutation_id = ? WHERE client_id = ?",
                       arguments: [last, request.clientId])
        return PushResponse(lastMutationId: last, results: results)
    }

    /// One mutation in its own savepoint: a rejection rolls back whatever it wrote, and the
    /// push's sequence number too if this mutation was the one that took it.
    static func apply(_ db: Database, envelope: MutationEnvelope, actor: Actor, now: Int64,
                      sequence: inout PushSequence, cache: LoadCache, seen: SeenLoads) throws -> MutationResult {
        var rejection: MutationRejection?
        let before = sequence
        var taken = sequence
        try db.inSavepoint {
            let number = try taken.take { try nextSequence(db) }
            let store = SQLiteMutationStore(db: db, org: actor.organization, sequence: number, now: now, cache: cache, seen: seen)
            do {
                try Mutator.apply(envelope.mutation, by: actor, in: store, now: now)
                seen.keepPending()
                return .commit
            } catch let refused as MutationRejection {
                seen.dropPending()
                rejection = refused
                return .rollback
            } catch {
                seen.dropPending()
                throw error
            }
        }
        if let rejection {
            sequence = before
            return MutationResult(id: envelope.id, status: .rejected, rejection: rejection)
        }
        sequence = taken
        return MutationResult(id: envelope.id, status: .applied)
    }

    /// The stored first result of an already consumed mutation.
    static func replay(_ db: Database, clientId: String, id: Int64) throws -> MutationResult {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT status, rejection FROM mutation_results WHERE client_id = ? AND mutation_id = ?
            """, arguments: [clientId, id]) else {
            return MutationResult(id: id, status: .duplicate)
        }
        let status = MutationResult.Status(rawValue: row["status"]) ?? .applied
        let rejection = (row["rejection"] as String?).flatMap {
            try? JSONDecoder.wire.decode(MutationRejection.self, from: Data($0.utf8))
        }
        return MutationResult(id: id, status: status, rejection: rejection, replayed: true)
    }
}
