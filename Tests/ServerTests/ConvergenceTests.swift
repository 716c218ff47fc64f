import Foundation
import Testing
import GRDB
import Client
import Domain
import Server
import Sync

/// One console in the convergence run: who it is, its network, and its (re-openable) mirror.
final class Participant: @unchecked Sendable {
    let name: String
    let user: String
    let password: String
    let proxy: FaultProxy
    var mirror: Mirror
    var engine: SyncEngine
    var actor: Actor
    /// Mutations this console queued (each must be consumed by the server exactly once).
    var queued = 0

    init(name: String, user: String, password: String, server: TestServer) async throws {
        self.name = name
        self.user = user
        self.password = password
        proxy = try FaultProxy(upstreamPort: server.port)
        (mirror, engine, actor) = try await server.console(name, user: user, password: password, via: proxy)
    }

    /// A crash: everything in memory is gone; the mirror file is opened again.
    func crash(_ server: TestServer) async throws {
        (mirror, engine, actor) = try await server.console(name, user: user, password: password, via: proxy)
    }
}

@Suite("Convergence under random edits, disconnects, crashes and restarts", .serialized)
struct ConvergenceTests {
    static let seeds: [UInt64] = ProcessInfo.processInfo.environment["DISPATCH_PROPERTY_SEED"].flatMap(UInt64.init).map { [$0] }
        ?? [11, 29, 47]

    @Test(arguments: StoreKind.available, seeds)
    func everyMirrorEqualsTheServerThroughItsScope(store: StoreKind, seed: UInt64) async throws {
        let server = try await TestServer.start(store: store, loads: 150, drivers: 14, carriers: 6)
        defer { Task { await server.stop() } }
        var random = SeededRandom(seed: seed)
        let now = Int64(Date().timeIntervalSince1970)

        // Two drivers with loads of their own, so both sides edit the same rows.
        let (desk, deskEngine, dispatcher) = try await server.console("setup")
        _ = try await deskEngine.syncOnce()
        let drivers = try await server.usableDrivers(in: desk, count: 2)
        for (index, driver) in drivers.enumerated() {
            for skip in [index * 3, index * 3 + 1, index * 3 + 2] {
                let (load, _) = try await server.postedLoadAndDriver(in: desk, skip: skip)
                try await desk.enqueue(.assignLoad(.init(loadId: load, driverId: driver)), by: dispatcher)
            }
        }
        _ = try await deskEngine.syncOnce()

        var people: [Participant] = []
        for (name, user, password) in [("desk-a", "dispatch", "dispatch"), ("desk-b", "dispatch", "dispatch"),
                                       ("books", "accounting", "accounting")]
            + drivers.map({ ($0, $0.lowercased(), Seeder.driverPassword) }) {
            let person = try await Participant(name: name, user: user, password: password, server: server)
            _ = try await person.engine.syncOnce()
            people.append(person)
        }
        defer { for person in people { person.proxy.stop() } }

        var log: [String] = []
        for step in 0 ..< 120 {
            let person = people[Int(random.next() % UInt64(people.count))]
            let roll = random.next() % 100
            switch roll {
            case 0 ..< 45:
                guard let mutation = try await Self.randomEdit(for: person, drivers: drivers, at: now - 7_200 + Int64(step) * 30,
                                                               step: step, seed: seed, random: &random) else { continue }
                if (try? await person.mirror.enqueue(mutation, by: person.actor, now: now)) != nil {
                    person.queued += 1
                    log.append("\(step) \(person.name) queued \(mutation.summary)")
                }
            case 45 ..< 70:
                let outcome = (try? await person.engine.syncOnce()) != nil ? "synced" : "sync failed"
                log.append("\(step) \(person.name) \(outcome) (\(person.proxy.mode))")
            case 70 ..< 82:
                let modes: [FaultProxy.Mode] = [.refuse, .dropResponses, .forward]
                person.proxy.mode = modes[Int(random.next() % 3)]
                log.append("\(step) \(person.name) network \(person.proxy.mode)")
            case 82 ..< 92:
                try await person.crash(server)
                log.append("\(step) \(person.name) crashed and restarted")
            default:
                try await server.restart()
                for person in people { person.proxy.upstreamPort = server.port }
                log.append("\(step) server restarted")
            }
        }

        // Everyone reconnects and syncs until nothing is left to move.
        for person in people { person.proxy.mode = .forward }
        for _ in 0 ..< 3 {
            for person in people { _ = try await person.engine.syncOnce() }
        }
        let restarts = log.filter { $0.hasSuffix("server restarted") }.count
        let crashes = log.filter { $0.hasSuffix("crashed and restarted") }.count
        print("convergence seed \(seed): \(people.map(\.queued).reduce(0, +)) edits queued, "
              + "\(log.filter { $0.contains("sync failed") }.count) failed syncs, \(crashes) console crashes, \(restarts) server restarts")
        let context = "seed \(seed) (replay with DISPATCH_PROPERTY_SEED=\(seed)):\n" + log.suffix(25).joined(separator: "\n")
        for person in people {
            #expect(try await person.mirror.outbox().isEmpty, "\(person.name) still has queued edits; \(context)")
            #expect(try await person.mirror.integrityCheck() == "ok")
            let scope = try await server.scopedState(user: person.user, password: person.password)
            let difference = Mirror.difference(try await person.mirror.tableState(), scope)
            #expect(difference.isEmpty, "\(person.name): \(difference); \(context)")

            // Applied at most once and in order: ids 1…n consumed once each, effects in id order.
            let clientId = try await person.mirror.clientId()
            let results = try await server.consumedMutations(clientId)
            #expect(results.map(\.id) == (0 ..< Int64(person.queued)).map { $0 + 1 },
                    "\(person.name) queued \(person.queued), the server consumed \(results.map(\.id)); \(context)")
            let sequences = results.compactMap(\.seq)
            // Non-decreasing: a later mutation never took effect before an earlier one (PostgreSQL
            // gives one push one sequence number; SQLite one per mutation).
            #expect(zip(sequences, sequences.dropFirst()).allSatisfy { $0 <= $1 },
                    "\(person.name)'s mutations took effect out of order; \(context)")
        }
        let notes = try await server.bodies(of: "loads", containing: "\"notes\"")
            .flatMap { try JSONDecoder.wire.decode(Load.self, from: Data($0.utf8)).notes ?? [] }
        #expect(Set(notes.map(\.id)).count == notes.count, "a note was recorded twice; \(context)")
    }

    /// A plausible edit for this person, chosen from what its own mirror shows now.
    static func randomEdit(for person: Participant, drivers: [String], at: Int64, step: Int, seed: UInt64,
                           random: inout SeededRandom) async throws -> Mutation? {
        let pick = random.next()
        let noteId = "n-\(seed)-\(step)"
        switch person.actor.role {
        case .dispatcher:
            let rows = try await person.mirror.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT id, status, driver_id FROM loads WHERE driver_id IN (?, ?) OR status = 'posted' ORDER BY id LIMIT 40",
                                 arguments: [drivers[0], drivers[1]])
                    .map { (id: $0[0] as String, status: $0[1] as String, driver: $0[2] as String?) }
            }
            guard !rows.isEmpty else { return nil }
            let load = rows[Int(pick % UInt64(rows.count))]
            switch (pick >> 8) % 4 {
            case 0: return .addNote(.init(noteId: noteId, loadId: load.id, text: "note \(step) from \(person.name)", at: at))
            case 1 where load.driver != nil: return .unassignLoad(.init(loadId: load.id))
            case 2 where load.driver != nil:
                return .recordStatus(.init(eventId: "e-\(seed)-\(step)", loadId: load.id, code: .delayed, reason: .weather, at: at))
            default:
                return .assignLoad(.init(loadId: load.id, driverId: drivers[Int((pick >> 16) % 2)]))
            }
        case .driver:
            let mine = try await person.mirror.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT id, status FROM loads ORDER BY id").map { (id: $0[0] as String, status: $0[1] as String) }
            }
            guard !mine.isEmpty else { return nil }
            let load = mine[Int(pick % UInt64(mine.count))]
            if (pick >> 8) % 3 == 0 {
                return .addNote(.init(noteId: noteId, loadId: load.id, text: "driver note \(step)", at: at))
            }
            let next: [StatusCode] = [.arrivedPickup, .loaded, .departedPickup, .arrivedDelivery, .delivered]
            let status = LoadStatus(rawValue: load.status) ?? .assigned
            let code = next.first { ($0.status ?? .posted) > status } ?? .delayed
            return .recordStatus(.init(eventId: "e-\(seed)-\(step)", loadId: load.id, code: code,
                                       reason: code == .delayed ? .driverRelated : nil, at: at))
        case .accounting:
            let payouts = try await person.mirror.pool.read { db in
                try String.fetchAll(db, sql: "SELECT body FROM payouts WHERE status IN ('pending', 'held', 'approved') ORDER BY id LIMIT 30")
                    .map { try JSONDecoder.wire.decode(Payout.self, from: Data($0.utf8)) }
            }
            guard !payouts.isEmpty else { return nil }
            let payout = payouts[Int(pick % UInt64(payouts.count))]
            let carrier = try await person.mirror.pool.read { db in
                try String.fetchOne(db, sql: "SELECT body FROM carriers WHERE id = ?", arguments: [payout.carrierId])
                    .map { try JSONDecoder.wire.decode(Carrier.self, from: Data($0.utf8)) }
            }
            let action = Mutation.PayoutAction(payout: payout, carrier: carrier, key: "k-\(seed)-\(step)",
                                               reason: "paperwork missing")
            switch (pick >> 8) % 3 {
            case 0: return .approvePayout(action)
            case 1: return .holdPayout(action)
            default: return .requestQuickPay(action)
            }
        }
    }
}
