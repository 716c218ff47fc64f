import Foundation
import Testing
import GRDB
import Client
import Domain
import Server
import Sync

@Suite("A push whose response is lost is applied once", .serialized)
struct LostResponseTests {
    @Test(arguments: StoreKind.available) func theServerAppliesTheClientRetriesTheEffectHappensOnce(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        let (mirror, engine, actor) = try await server.console("lossy", via: proxy)
        _ = try await engine.syncOnce()
        let (loadId, driverId) = try await server.postedLoadAndDriver(in: mirror)
        try await mirror.enqueue(.assignLoad(.init(loadId: loadId, driverId: driverId)), by: actor)
        try await mirror.enqueue(.addNote(.init(noteId: "n-lost", loadId: loadId, text: "appointment moved to 14:00",
                                                at: Int64(Date().timeIntervalSince1970))), by: actor)
        let clientId = try await mirror.clientId()

        proxy.mode = .dropResponses
        await #expect(throws: (any Error).self) { _ = try await engine.syncOnce() }
        #expect(proxy.droppedResponses >= 1)
        let applied = try await server.consumedMutations(clientId).count
        #expect(applied == 2, "the server did apply the push whose answer was lost")
        #expect(try await mirror.outbox().count == 2, "the console does not know yet, so both stay queued")

        proxy.mode = .forward
        let report = try await engine.syncOnce()
        #expect(report.pushed == 2 && report.rejected.isEmpty && report.pending == 0)
        let results = try await server.consumedMutations(clientId).count
        let last = try await server.lastMutationId(clientId)
        #expect(results == 2 && last == 2, "the retry was answered from the stored results, not applied again")
        let load = try await server.serverLoad(loadId)
        #expect(load?.notes?.filter { $0.id == "n-lost" }.count == 1, "the note is there once")
        #expect(load?.driverId == driverId)
        #expect(Mirror.difference(try await mirror.tableState(),
                                  try await server.scopedState(user: actor.user, password: "dispatch")).isEmpty)
    }
}
