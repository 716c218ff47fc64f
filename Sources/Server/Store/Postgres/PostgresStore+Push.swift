import Foundation
import Logging
import PostgresNIO
import Domain

extension PostgresStore {
    public func push(actor: Actor, request: PushRequest, now: Int64) async throws -> PushResponse {
        try PushShape.check(request)
        pushers.insert(request.clientId)
        let response = try await write("apply a push") { connection, start -> (PostgresPush.Outcome, changedTo: Int64?) in
            // Delivered on commit, before the change notification sent at the end of `write`, so
            // other instances know the client has pushed when their long-polls wake.
            let announcement = "client:" + request.clientId
            try await connection.query("SELECT pg_notify(\(PostgresStore.channel), \(announcement))", logger: self.logger)
            let outcome = try await PostgresPush(connection: connection, logger: self.logger, cache: self.loadCache,
                                                 actor: actor, now: now)
                .apply(request, start: start)
            // Applied, not yet committed: a crash here must leave nothing of the push.
            Failpoint.hit("push-before-commit")
            return outcome
        }
        // Committed: what the push wrote is the stored row at its sequence number.
        if let seq = response.seq { loadCache.remember(response.written.map { (seq, $0) }) }
        // Committed, not yet answered: the client will retry and must get the stored results.
        Failpoint.hit("push-after-commit")
        return response.response
    }
}

/// One push inside a write transaction (which holds the `seq` lock): each mutation's effects
/// and the client's last mutation id commit together, exactly as in the SQLite store.
///
/// A push costs a fixed number of round trips, not a few per mutation: one prefetch, the rules
/// in memory, one write per table, one insert of the results (plus scope moves on reassignment).
struct PostgresPush {
    /// What a push answers, and the loads it wrote at `seq` (nil: nothing applied).
    struct Outcome: Sendable {
        var response: PushResponse
        var written: [Load]
        var seq: Int64?
    }

    let connection: PostgresConnection
    let logger: Logger
    let cache: LoadCache
    let actor: Actor
    let now: Int64

    func apply(_ request: PushRequest, start: Int64) async throws -> (Outcome, changedTo: Int64?) {
        let clientId = request.clientId
        let owner = try await connection.scalar("""
            SELECT "user" FROM clients WHERE client_id = \(clientId)
            """, as: String.self, logger: logger)
        var last = try await connection.scalar("""
            SELECT last_mutation_id FROM clients WHERE client_id = \(clientId)
            """, as: Int64.self, logger: logger) ?? 0
        let plan = try PushPlan(request, actor: actor, owner: owner, lastMutationId: last)
        if plan.registersClient {
            try await connection.query("""
                INSERT INTO clients(client_id, "user", last_mutation_id) VALUES (\(clientId), \(actor.user), 0)
                """, logger: logger)
        }
        var results: [MutationResult] = []
        // The rules run in memory on prefetched rows, so the push's one number (`PushSequence`)
        // is taken at its first applied mutation and every row is written with it at the end.
        var sequence = PushSequence()
        var stored = ResultRows()
        // Every row the new mutations may read, in one round trip; each sees the ones before it.
        var batch = try await PushBatch(fetching: PostgresPrefetch.Keys(plan.fresh.map(\.mutation)), push: self)
        for step in plan.steps {
            switch step {
            case .replay(let id):
                results.append(try await replay(clientId: clientId, id: id))
            case .apply(let envelope):
                let result = try await batch.apply(envelope, push: self)
                if result.status == .applied {
                    _ = try await sequence.take { try await PostgresStore.nextSequence(connection, logger: logger) }
                }
                let rejection = try result.rejection.map { String(decoding: try JSONEncoder.wire.encode($0), as: UTF8.self) }
                stored.add(id: envelope.id, status: result.status.rawValue, rejection: rejection,
                           seq: result.status == .applied ? sequence.value : nil)
                last = envelope.id
                results.append(result)
            }
        }
        let pushSequence = sequence.value
        var written: [Load] = []
        if let pushSequence { written = try await write(batch, seq: pushSequence) }
        // Every result of the push in one statement, in the same transaction as its effects.
        try await stored.insert(clientId: clientId, connection, logger: logger)
        try await connection.query("""
            UPDATE clients SET last_mutation_id = \(last) WHERE client_id = \(clientId)
            """, logger: logger)
        return (Outcome(response: PushResponse(lastMutationId: last, results: results), written: written, seq: pushSequence),
                pushSequence)
    }

    /// The push's writes, each row once as the last mutation left it, one statement per table;
    /// then the scope moves of each load whose driver changed. Returns the loads written.
    private func write(_ batch: PushBatch, seq: Int64) async throws -> [Load] {
        var rows = PostgresRows()
        var loads: [String: Load] = [:], loadOrder: [String] = []
        var payouts: [String: Payout] = [:], payoutOrder: [String] = []
        var carriers: [String: Carrier] = [:], carrierOrder: [String] = []
        var drivers: [String: Driver] = [:], driverOrder: [String] = []
        for write in batch.store.writes {
            switch write {
            case .load(let load):
                if loads.updateValue(load, forKey: load.id) == nil { loadOrder.append(load.id) }
            case .event(let event): try rows.add(event, org: actor.organization, seq: seq)
            case .payout(let payout):
                if payouts.updateValue(payout, forKey: payout.id) == nil { payoutOrder.append(payout.id) }
            case .carrier(let carrier):
                if carriers.updateValue(carrier, forKey: carrier.id) == nil { carrierOrder.append(carrier.id) }
            case .driver(let driver):
                if drivers.updateValue(driver, forKey: driver.id) == nil { driverOrder.append(driver.id) }
            }
        }
        // Each load's driver before the push, read before the rows are written over.
        // (`updateValue`: a subscript assignment of nil, a load with no driver, would drop the key.)
        var previous: [String: String?] = [:]
        for id in loadOrder {
            if let known = batch.driversBefore[id] {
                previous.updateValue(known, forKey: id)
            } else {
                let stored = try await connection.scalar("SELECT driver_id FROM loads WHERE id = \(id) AND org = \(actor.organization)",
                                                         as: String.self, logger: logger)
                previous.updateValue(stored, forKey: id)
            }
        }
        for id in loadOrder { if let load = loads[id] { try rows.add(load, org: actor.organization, seq: seq) } }
        for id in payoutOrder { if let payout = payouts[id] { try rows.add(payout, org: actor.organization, seq: seq) } }
        for id in carrierOrder { if let carrier = carriers[id] { try rows.add(carrier, org: actor.organization, seq: seq) } }
        for id in driverOrder { if let driver = drivers[id] { try rows.add(driver, org: actor.organization, seq: seq) } }
        try await rows.flush(connection, logger: logger)
        for id in loadOrder {
            guard let load = loads[id], let previous = previous[id],
                  let move = ScopeMove(loadId: id, from: previous, to: load.driverId, sequence: seq, now: now) else { continue }
            try await PostgresScopeMoves(connection: connection, logger: logger).execute(move)
        }
        return loadOrder.compactMap { loads[$0] }
    }

    /// Fetches the rows a `Miss` asked for.
    func fetch(_ keys: PostgresPrefetch.Keys) async throws -> PrefetchedMutationStore {
        try await PostgresPrefetch(connection: connection, logger: logger, cache: cache, org: actor.organization).fetch(keys)
    }

    /// The stored first result of an already consumed mutation.
    private func replay(clientId: String, id: Int64) async throws -> MutationResult {
        let rows = try await connection.query("""
            SELECT status, rejection FROM mutation_results WHERE client_id = \(clientId) AND mutation_id = \(id)
            """, logger: logger).collect()
        guard let row = rows.first else { return MutationResult(id: id, status: .duplicate) }
        let (status, rejection) = try row.decode((String, String?).self)
        let refused = rejection.flatMap { try? JSONDecoder.wire.decode(MutationRejection.self, from: Data($0.utf8)) }
        return MutationResult(id: id, status: MutationResult.Status(rawValue: status) ?? .applied, rejection: refused,
                              replayed: true)
    }
}

/// A push's results, column by column, written with one `unnest` insert.
struct ResultRows {
    private var ids: [Int64] = []
    private var statuses: [String] = []
    /// "" stands for no rejection; 0 for no sequence number (a rejection has none).
    private var rejections: [String] = []
    private var seqs: [Int64] = []

    mutating func add(id: Int64, status: String, rejection: String?, seq: Int64?) {
        ids.append(id)
        statuses.append(status)
        rejections.append(rejection ?? "")
        seqs.append(seq ?? 0)
    }

    func insert(clientId: String, _ connection: PostgresConnection, logger: Logger) async throws {
        guard !ids.isEmpty else { return }
        let statement = PostgresStatement("""
            INSERT INTO mutation_results(client_id, mutation_id, status, rejection, seq)
            SELECT ?, id, status, NULLIF(rejection, ''), NULLIF(seq, 0)
            FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[]) AS t(id, status, rejection, seq)
            """, [.text(clientId), .ints(ids), .texts(statuses), .texts(rejections), .ints(seqs)])
        try await connection.query(statement.query, logger: logger)
    }
}
