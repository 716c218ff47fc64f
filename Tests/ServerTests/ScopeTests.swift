import Foundation
import Testing
import GRDB
import Client
import Domain
import Server
import Sync

@Suite("Scopes: each driver's mirror holds its own rows and nothing else", .serialized)
struct ScopeTests {
    let now = Int64(Date().timeIntervalSince1970)

    @Test(arguments: StoreKind.available) func aLoadReassignedAwayLeavesTheDriverMirrorAndComesBackWhole(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let (desk, deskEngine, dispatcher) = try await server.console("desk")
        _ = try await deskEngine.syncOnce()
        let (loadId, _) = try await server.postedLoadAndDriver(in: desk)
        let drivers = try await server.usableDrivers(in: desk, count: 2)
        let (one, two) = (drivers[0], drivers[1])
        let (mirrorOne, engineOne, _) = try await server.console("one", user: one.lowercased(), password: Seeder.driverPassword)
        let (mirrorTwo, engineTwo, _) = try await server.console("two", user: two.lowercased(), password: Seeder.driverPassword)
        _ = try await engineOne.syncOnce()
        _ = try await engineTwo.syncOnce()

        try await desk.enqueue(.assignLoad(.init(loadId: loadId, driverId: one)), by: dispatcher)
        try await desk.enqueue(.recordStatus(.init(eventId: "ev-late", loadId: loadId, code: .delayed,
                                                   reason: .missedPickup, at: now - 60)), by: dispatcher)
        try await desk.enqueue(.addNote(.init(noteId: "note-1", loadId: loadId, text: "dock 4", at: now)), by: dispatcher)
        _ = try await deskEngine.syncOnce()
        _ = try await engineOne.syncOnce()
        #expect(try await MirrorQueries(mirror: mirrorOne).load(loadId)?.notes?.first?.text == "dock 4")
        #expect(try await mirrorOne.tableState()["events"]?["ev-late"] != nil)

        try await desk.enqueue(.unassignLoad(.init(loadId: loadId)), by: dispatcher)
        try await desk.enqueue(.assignLoad(.init(loadId: loadId, driverId: two)), by: dispatcher)
        _ = try await deskEngine.syncOnce()
        let moved = try await engineOne.syncOnce()
        #expect(moved.pulledRows >= 2, "the move-out arrives as tombstones")
        let afterMoveOut = try await mirrorOne.tableState()
        #expect(afterMoveOut["loads"]?[loadId] == nil, "moved out of driver one's mirror")
        #expect(afterMoveOut["events"]?["ev-late"] == nil, "with its events")
        #expect(Mirror.difference(afterMoveOut, try await server.scopedState(user: one.lowercased(), password: Seeder.driverPassword)).isEmpty)
        _ = try await engineTwo.syncOnce()
        #expect(try await mirrorTwo.tableState()["events"]?["ev-late"] != nil, "driver two gets the load's history too")

        try await desk.enqueue(.unassignLoad(.init(loadId: loadId)), by: dispatcher)
        try await desk.enqueue(.assignLoad(.init(loadId: loadId, driverId: one)), by: dispatcher)
        _ = try await deskEngine.syncOnce()
        _ = try await engineOne.syncOnce()
        _ = try await engineTwo.syncOnce()
        let back = try await mirrorOne.tableState()
        #expect(back["loads"]?[loadId] != nil && back["events"]?["ev-late"] != nil, "back whole: the load and its events")
        #expect(Mirror.difference(back, try await server.scopedState(user: one.lowercased(), password: Seeder.driverPassword)).isEmpty)
        #expect(try await mirrorTwo.tableState()["loads"]?[loadId] == nil)
    }

    @Test(arguments: StoreKind.available) func noDriverMirrorHoldsARowOutsideItsScopeAfterReassignments(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let (desk, deskEngine, dispatcher) = try await server.console("desk")
        _ = try await deskEngine.syncOnce()
        let drivers = try await server.usableDrivers(in: desk, count: 3)
        var consoles: [(id: String, mirror: Mirror, engine: SyncEngine)] = []
        for id in drivers {
            let (mirror, engine, _) = try await server.console(id, user: id.lowercased(), password: Seeder.driverPassword)
            _ = try await engine.syncOnce()
            consoles.append((id, mirror, engine))
        }
        let loads = try await desk.pool.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM loads WHERE status = 'posted' ORDER BY id LIMIT 6")
        }
        var random = SeededRandom(seed: 20_261_123)
        for round in 0 ..< 40 {
            let load = loads[Int(random.next() % UInt64(loads.count))]
            let current = try await MirrorQueries(mirror: desk).load(load)
            if current?.driverId != nil {
                try await desk.enqueue(.unassignLoad(.init(loadId: load)), by: dispatcher)
            }
            let driver = drivers[Int(random.next() % UInt64(drivers.count))]
            try await desk.enqueue(.assignLoad(.init(loadId: load, driverId: driver)), by: dispatcher)
            if round % 3 == 0 {
                try await desk.enqueue(.recordStatus(.init(eventId: "ev-\(round)", loadId: load, code: .delayed,
                                                           reason: .weather, at: now - 100)), by: dispatcher)
            }
            _ = try await deskEngine.syncOnce()
            // Drivers sync at random moments, some of them rarely.
            for console in consoles where random.next() % 3 == 0 { _ = try await console.engine.syncOnce() }
        }
        for console in consoles {
            _ = try await console.engine.syncOnce()
            let mine = try await console.mirror.tableState()
            let scope = try await server.scopedState(user: console.id.lowercased(), password: Seeder.driverPassword)
            #expect(Mirror.difference(mine, scope).isEmpty, "\(console.id): \(Mirror.difference(mine, scope))")
            #expect(Set(mine["drivers"]?.keys.map { $0 } ?? []) == [console.id])
            #expect(mine["carriers"] == nil && mine["invoices"] == nil && mine["payouts"] == nil)
            let foreign = try await console.mirror.pool.read { db in
                try Int.fetchOne(db, sql: """
                    SELECT (SELECT COUNT(*) FROM loads WHERE driver_id IS NOT ?1)
                         + (SELECT COUNT(*) FROM events WHERE load_id NOT IN (SELECT id FROM loads WHERE driver_id = ?1))
                    """, arguments: [console.id]) ?? -1
            }
            #expect(foreign == 0, "\(console.id) holds rows of other drivers")
        }
    }
}
