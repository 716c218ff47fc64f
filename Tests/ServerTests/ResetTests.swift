import Foundation
import Testing
import Client
import Domain
import Server
import Sync
import GRDB

@Suite("Snapshots and resets keep the outbox", .serialized)
struct ResetTests {
    @Test(arguments: StoreKind.available) func queuedEditsSurviveANewServerDatabase(store: StoreKind) async throws {
        let first = try await TestServer.start(store: store)
        defer { Task { await first.stop() } }
        let (mirror, engine, actor) = try await first.console("a")
        _ = try await engine.syncOnce()
        let (loadA, driverA) = try await first.postedLoadAndDriver(in: mirror)
        try await mirror.enqueue(.assignLoad(.init(loadId: loadA, driverId: driverA)), by: actor)
        _ = try await engine.syncOnce()

        // Offline, another edit is queued; then the console meets a server with a new database.
        let (loadB, driverB) = try await first.postedLoadAndDriver(in: mirror, skip: 3)
        let queued = try await mirror.enqueue(.assignLoad(.init(loadId: loadB, driverId: driverB)), by: actor)
        #expect(queued == 2)
        let second = try await TestServer.start(store: store)
        defer { Task { await second.stop() } }
        let (client, _) = try await second.client()
        let moved = SyncEngine(mirror: mirror, client: client, actor: actor)
        let report = try await moved.syncOnce()
        #expect(report.reset, "a cursor from another database starts a snapshot")
        #expect(report.applied == 1 && report.rejected.isEmpty, "the queued edit is renumbered, not refused as a gap")
        #expect(try await mirror.queueCounts().pending == 0)
        #expect(try await second.serverLoad(loadB)?.driverId == driverB)
        #expect(try await MirrorQueries(mirror: mirror).load(loadB)?.driverId == driverB)
    }

    @Test(arguments: StoreKind.available) func aPendingEditStaysVisibleThroughAPagedSnapshot(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store, loads: 400, drivers: 30, carriers: 8)
        defer { Task { await server.stop() } }
        let (mirror, engine, actor) = try await server.console("a")
        _ = try await engine.syncOnce()
        let (loadId, driverId) = try await server.postedLoadAndDriver(in: mirror, skip: 7)
        try await mirror.enqueue(.assignLoad(.init(loadId: loadId, driverId: driverId)), by: actor)
        // The cursor is lost (as after an expired cursor): the next pull is a snapshot in small pages.
        try await mirror.pool.write { db in try db.execute(sql: "DELETE FROM sync_state WHERE key = 'cursor'") }
        let (client, _) = try await server.client()
        var cursor: String?
        repeat {
            let page = try await client.pull(cursor: cursor, clientId: try await mirror.clientId(), limit: 50)
            try await mirror.apply(page, actor: actor)
            cursor = page.cursor
            if !page.hasMore { break }
        } while true
        let load = try await MirrorQueries(mirror: mirror).load(loadId)
        #expect(load?.driverId == driverId, "the pending edit is replayed over the snapshot")
        #expect(try await mirror.queueCounts().pending == 1, "and still queued")
        #expect(try await mirror.integrityCheck() == "ok")
    }
}
