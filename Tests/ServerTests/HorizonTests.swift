import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import GRDB
import Client
import Domain
import Server
import Sync

@Suite("Tombstone horizon and cursors the server does not know", .serialized)
struct HorizonTests {
    let now = Int64(Date().timeIntervalSince1970)

    @Test(arguments: StoreKind.available) func anExpiredCursorResetsCleanlyAndKeepsTheQueue(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let (desk, deskEngine, dispatcher) = try await server.console("desk")
        _ = try await deskEngine.syncOnce()
        let driverId = try await server.usableDrivers(in: desk, count: 1)[0]
        let (kept, _) = try await server.postedLoadAndDriver(in: desk, skip: 0)
        let (taken, _) = try await server.postedLoadAndDriver(in: desk, skip: 1)
        try await desk.enqueue(.assignLoad(.init(loadId: kept, driverId: driverId)), by: dispatcher)
        try await desk.enqueue(.assignLoad(.init(loadId: taken, driverId: driverId)), by: dispatcher)
        _ = try await deskEngine.syncOnce()

        let login = (user: driverId.lowercased(), password: Seeder.driverPassword)
        let (truck, truckEngine, driver) = try await server.console("truck", user: login.user, password: login.password)
        _ = try await truckEngine.syncOnce()
        // Offline for a long time: a note is queued, a load is taken away, and the server
        // forgets that deletion.
        try await truck.enqueue(.addNote(.init(noteId: "n-offline", loadId: kept, text: "gate code 1234", at: now)), by: driver)
        try await desk.enqueue(.unassignLoad(.init(loadId: taken)), by: dispatcher)
        _ = try await deskEngine.syncOnce()
        #expect(try await server.server.store.pruneTombstones(before: now + 60) >= 1)

        var report = SyncReport()
        try await truckEngine.pull(report: &report)
        #expect(report.reset, "an expired cursor gets a full snapshot")
        #expect(report.notices.contains { $0.contains("full resync") })
        #expect(try await truck.tableState()["loads"]?[taken] == nil, "the forgotten deletion is still applied")
        #expect(try await truck.outbox().count == 1, "the queue survived the reset")
        let rebased = try await MirrorQueries(mirror: truck).load(kept)
        #expect(rebased?.notes?.map(\.text) == ["gate code 1234"], "and is replayed on top of the snapshot")

        let synced = try await truckEngine.syncOnce()
        #expect(synced.applied == 1 && synced.pending == 0)
        let scope = try await server.scopedState(user: login.user, password: login.password)
        #expect(Mirror.difference(try await truck.tableState(), scope).isEmpty)
    }

    @Test(arguments: StoreKind.available) func aCursorTheServerNeverIssuedIsATypedErrorAndTheConsoleResyncs(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store, loads: 40, drivers: 6, carriers: 3)
        defer { Task { await server.stop() } }
        let (client, login) = try await server.client()
        let databaseId = server.server.store.databaseId
        for cursor in ["garbage", "c1.\(databaseId).999999999"] {
            do {
                _ = try await client.pull(cursor: cursor, clientId: "probe")
                Issue.record("\(cursor) was accepted")
            } catch {
                #expect(error == .refused(status: 400, code: "unknown_cursor",
                                          message: "this server never issued that cursor; pull without a cursor for a full snapshot"))
            }
        }
        let elsewhere = try await client.pull(cursor: "c1.otherdb.5", clientId: "probe")
        #expect(elsewhere.reset && elsewhere.resetReason == .newDatabase)

        let (mirror, engine, actor) = try await server.console("confused")
        _ = try await engine.syncOnce()
        let (loadId, driverId) = try await server.postedLoadAndDriver(in: mirror)
        try await mirror.pool.write { db in
            try db.execute(sql: "UPDATE sync_state SET value = ? WHERE key = 'cursor'", arguments: ["c1.\(databaseId).999999999"])
        }
        try await mirror.enqueue(.assignLoad(.init(loadId: loadId, driverId: driverId)), by: actor)
        let report = try await engine.syncOnce()
        #expect(report.notices.contains { $0.contains("did not know") }, "the console says what happened")
        #expect(report.reset && report.pending == 0)
        #expect(Mirror.difference(try await mirror.tableState(),
                                  try await server.scopedState(user: login.actor.user, password: "dispatch")).isEmpty)
    }
}
