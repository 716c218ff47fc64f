import Foundation
import Testing
import GRDB
import Client
import Domain
import Server
import Sync

/// Every new load edit end to end on both stores: made offline on one console, pushed, and seen
/// by a second console after it syncs, exactly once.
@Suite("Loads posted, edited, tendered, tracked and cancelled through the product", .serialized)
struct LoadLifecycleTests {
    static func terms(now: Int64, reference: String) -> Mutation.LoadTerms {
        Mutation.LoadTerms(
            shipper: "Lone Star Paper", reference: reference, commodity: "paper rolls", equipment: "V",
            weightLbs: 40_000, lengthFt: 53, rateCents: 275, rateKind: .perMile,
            stops: [
                .init(kind: .pickup, city: "Dallas, TX", windowStart: now + 86_400, windowEnd: now + 90_000),
                .init(kind: .delivery, city: "Little Rock, AR", windowStart: now + 120_000, windowEnd: now + 126_000),
                .init(kind: .delivery, city: "Memphis, TN", windowStart: now + 140_000, windowEnd: now + 146_000),
            ])
    }

    func count(reference: String, in mirror: Mirror) async throws -> Int {
        try await mirror.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM loads WHERE reference = ?", arguments: [reference]) ?? 0
        }
    }

    @Test(arguments: StoreKind.available) func aLoadPostedOfflineReachesTheOtherConsoleOnce(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let ((east, eastEngine, dispatcher), (west, westEngine)) = try await server.twoSyncedConsoles()
        let now = Int64(Date().timeIntervalSince1970)

        // Offline on east: posted, shown at once, and queued.
        let id = LoadID.new()
        try await east.enqueue(.postLoad(.init(loadId: id, terms: Self.terms(now: now, reference: "PO-E2E-1"), at: now)),
                               by: dispatcher)
        let local = try #require(try await MirrorQueries(mirror: east).load(id))
        #expect(local.stops.count == 3 && local.status == .posted)
        #expect(try await count(reference: "PO-E2E-1", in: west) == 0)

        let pushed = try await eastEngine.syncOnce()
        #expect(pushed.rejected.isEmpty && pushed.pending == 0)
        _ = try await westEngine.syncOnce()
        #expect(try await count(reference: "PO-E2E-1", in: west) == 1)
        let seen = try #require(try await MirrorQueries(mirror: west).load(id))
        #expect(seen == local, "the server's rules made the same load the console made")
        #expect(try await server.serverLoad(id)?.miles == local.miles)

        // West raises the rate; east, which has not synced since, edits the reference on the old version.
        var raised = Mutation.LoadTerms(seen)
        raised.rateCents = 300
        try await west.enqueue(.editLoad(.init(load: seen, terms: raised)), by: dispatcher)
        var renamed = Mutation.LoadTerms(local)
        renamed.reference = "PO-E2E-1B"
        try await east.enqueue(.editLoad(.init(load: local, terms: renamed)), by: dispatcher)
        #expect(try await westEngine.syncOnce().rejected.isEmpty)
        let refused = try await eastEngine.syncOnce()
        #expect(refused.rejected.count == 1 && refused.rejected[0].contains("changed since you opened it"))
        #expect(refused.rejected[0].contains("$2.75/mi → $3.00/mi"))
        let conflicts = try await east.conflicts()
        #expect(conflicts.count == 1 && conflicts[0].code == "stale")
        let rebased = try #require(try await MirrorQueries(mirror: east).load(id))
        #expect(rebased.reference == "PO-E2E-1" && rebased.rateCents == 300 * Int64(local.miles), "the server's view")

        // Assigned, tendered, tracked: each reaches the other console.
        let (_, driver) = try await server.postedLoadAndDriver(in: east)
        try await east.enqueue(.assignLoad(.init(loadId: id, driverId: driver)), by: dispatcher)
        try await east.enqueue(.tenderLoad(.init(eventId: "E-" + UUID().uuidString.lowercased(), loadId: id, at: now)),
                               by: dispatcher)
        try await east.enqueue(.checkCall(.init(checkCallId: "K-" + UUID().uuidString.lowercased(), loadId: id,
                                                place: "Texarkana, TX", etaAt: now + 3 * 3_600, at: now)), by: dispatcher)
        #expect(try await eastEngine.syncOnce().rejected.isEmpty)
        _ = try await westEngine.syncOnce()
        let tracked = try #require(try await MirrorQueries(mirror: west).load(id))
        #expect(tracked.status == .dispatched && tracked.driverId == driver)
        #expect(tracked.checkCall?.place == "Texarkana, TX")
        #expect(try await MirrorQueries(mirror: west).events(forLoad: id).map(\.code) == [.dispatched])
    }

    @Test(arguments: StoreKind.available) func cancellingBeforePickupEndsTheLoadEverywhere(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let ((east, eastEngine, dispatcher), (west, westEngine)) = try await server.twoSyncedConsoles()
        let (load, _) = try await server.postedLoadAndDriver(in: east)
        let now = Int64(Date().timeIntervalSince1970)
        let cancel = Mutation.CancelLoad(eventId: "E-" + UUID().uuidString.lowercased(), loadId: load,
                                         reason: .shipperCancelled, note: "plant shut for inventory", at: now)
        try await east.enqueue(.cancelLoad(cancel), by: dispatcher)
        // Queued twice (a double key press): one fact.
        try await east.enqueue(.cancelLoad(cancel), by: dispatcher)
        #expect(try await eastEngine.syncOnce().rejected.isEmpty)
        _ = try await westEngine.syncOnce()
        #expect(try await MirrorQueries(mirror: west).load(load)?.status == .cancelled)
        let events = try await MirrorQueries(mirror: west).events(forLoad: load)
        #expect(events.count == 1 && events[0].note == "shipper cancelled: plant shut for inventory")

        // Bad terms: the console's own rules refuse them, nothing is queued...
        var bad = Self.terms(now: now, reference: "PO-BAD")
        bad.weightLbs = -1
        let post = Mutation.PostLoad(loadId: LoadID.new(), terms: bad, at: now)
        await #expect(throws: SyncError.self) { try await east.enqueue(.postLoad(post), by: dispatcher) }
        #expect(try await east.outbox().isEmpty)
        // ...and a client that sends them anyway is refused by the server's, with nothing stored.
        let (client, _) = try await server.client()
        let response = try await client.push(PushRequest(clientId: "raw-client", mutations: [
            MutationEnvelope(id: 1, mutation: .postLoad(post), createdAt: now),
        ]))
        #expect(response.results.first?.status == .rejected)
        #expect(response.results.first?.rejection?.message == "weight: must be between 1 and 150,000 lbs")
        #expect(try await server.serverLoad(post.loadId) == nil)
    }

    /// A three-stop load reported stop by stop offline on one console: the server stamps each
    /// stop, and the other console sees every stop's times and every event's stop.
    @Test(arguments: StoreKind.available) func aMultiStopLoadIsReportedStopByStop(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let ((east, eastEngine, dispatcher), (west, westEngine)) = try await server.twoSyncedConsoles()
        let (_, driver) = try await server.postedLoadAndDriver(in: east)
        let now = Int64(Date().timeIntervalSince1970)
        let id = LoadID.new()
        try await east.enqueue(.postLoad(.init(loadId: id, terms: Self.terms(now: now, reference: "PO-STOPS"), at: now)),
                               by: dispatcher)
        try await east.enqueue(.assignLoad(.init(loadId: id, driverId: driver)), by: dispatcher)
        var at = now - 3_000
        var walked: [String] = []
        while let load = try await MirrorQueries(mirror: east).load(id), let (code, stop) = StopProgress.next(for: load),
              walked.count < 12 {
            walked.append("\(code.rawValue)@\(stop ?? -1)")
            try await east.enqueue(.recordStatus(.init(eventId: "E-" + UUID().uuidString.lowercased(), loadId: id, code: code,
                                                       at: at, podSigner: code == .delivered ? "R. Diaz" : nil, stop: stop)),
                                   by: dispatcher)
            at += 120
        }
        #expect(walked == ["X3@0", "CP@0", "AF@0", "X1@1", "CD@1", "X1@2", "POD@2"])
        let pushed = try await eastEngine.syncOnce()
        #expect(pushed.rejected.isEmpty, "\(pushed.rejected)")
        _ = try await westEngine.syncOnce()
        let seen = try #require(try await MirrorQueries(mirror: west).load(id))
        #expect(seen.status == .delivered)
        #expect(seen.stops.allSatisfy { $0.arrivedAt != nil && $0.departedAt != nil }, "every stop stamped")
        #expect(seen.stops[1].arrivedAt == now - 3_000 + 3 * 120, "Little Rock's own arrival")
        let events = try await MirrorQueries(mirror: west).events(forLoad: id)
        #expect(events.filter { $0.code != .dispatched }.map { $0.stop ?? -1 } == [0, 0, 0, 1, 1, 2, 2])
        #expect(try await server.serverLoad(id) == seen)
    }
}
