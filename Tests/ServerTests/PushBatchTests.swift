import Foundation
import Testing
import Client
import Domain
import Server
import Sync

/// A push's mutations run in order and each sees the ones before it, on both stores, although
/// the PostgreSQL store reads and writes the whole push at once.
@Suite("One push, many dependent mutations", .serialized)
struct PushBatchTests {
    @Test(arguments: StoreKind.available) func laterMutationsSeeEarlierOnesAndARefusalChangesNothing(store: StoreKind)
        async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let (mirror, engine, _) = try await server.console("a")
        _ = try await engine.syncOnce()
        let (loadId, first) = try await server.postedLoadAndDriver(in: mirror)
        let (_, second) = try await server.postedLoadAndDriver(in: mirror, skip: 1)
        let (client, _) = try await server.client()
        let mutations: [Mutation] = [
            .assignLoad(.init(loadId: loadId, driverId: first)),
            // Refused (no such load): it changes nothing, and the push goes on.
            .assignLoad(.init(loadId: "L-does-not-exist", driverId: first)),
            .unassignLoad(.init(loadId: loadId)),
            .assignLoad(.init(loadId: loadId, driverId: second)),
            .addNote(.init(noteId: "batch-note-1", loadId: loadId, text: "two assignments in one push", at: 1_700_000_000)),
            // The same note id again: already recorded by the mutation before.
            .addNote(.init(noteId: "batch-note-1", loadId: loadId, text: "two assignments in one push", at: 1_700_000_000)),
        ]
        let before = try #require(try await server.serverLoad(loadId))
        let response = try await client.push(PushRequest(clientId: "batch-client", mutations: mutations.enumerated().map {
            MutationEnvelope(id: Int64($0.offset + 1), mutation: $0.element, createdAt: 0)
        }))
        #expect(response.results.map(\.status) == [.applied, .rejected, .applied, .applied, .applied, .applied],
                "\(response.results)")
        #expect(response.lastMutationId == 6)
        let after = try #require(try await server.serverLoad(loadId))
        #expect(after.driverId == second)
        #expect(after.status == .assigned)
        #expect(after.notes?.map(\.id) == ["batch-note-1"])
        #expect(after.version > before.version)

        // The second driver's console gets the load; the first's never kept it.
        let (driverMirror, driverEngine, _) = try await server.console("d2", user: second.lowercased(),
                                                                       password: Seeder.driverPassword)
        _ = try await driverEngine.syncOnce()
        #expect(try await MirrorQueries(mirror: driverMirror).load(loadId)?.driverId == second)
        let (firstMirror, firstEngine, _) = try await server.console("d1", user: first.lowercased(),
                                                                    password: Seeder.driverPassword)
        _ = try await firstEngine.syncOnce()
        #expect(try await MirrorQueries(mirror: firstMirror).load(loadId) == nil)
    }
}
