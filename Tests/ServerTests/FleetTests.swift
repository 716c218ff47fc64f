import Foundation
import Testing
import GRDB
import Domain
import Server
import Sync

/// `dispatchd serve --simulate` moves one slice of the fleet per tick on either store, drivers
/// under way heading for their delivery, and consoles get the moves through the feed.
@Suite("The simulated fleet on both stores", .serialized)
struct FleetTests {
    @Test(arguments: StoreKind.available) func aTickMovesOneSliceAndConsolesSeeIt(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store, loads: 300, drivers: 40)
        defer { Task { await server.stop() } }
        let (mirror, engine, _) = try await server.console("fleet")
        _ = try await engine.syncOnce()
        let before = try await FleetTests.positions(mirror)
        #expect(before.count == 40)

        // A driver under way jumps to its delivery, any other drifts north.
        let move: @Sendable (inout Driver, GeoPoint?) -> Void = { driver, target in
            if let target {
                driver.lat = target.lat
                driver.lon = target.lon
            } else {
                driver.lat += 0.5
            }
            driver.version += 1
        }
        // 10% of 40 drivers: the second slice of four in id order, and only it.
        #expect(try await server.server.store.moveFleet(slice: FleetSlice(tick: 1, share: 0.1), move: move) != nil)
        _ = try await engine.syncOnce()
        let sliced = try await FleetTests.positions(mirror)
        let ids = before.keys.sorted()
        #expect(ids.filter { before[$0]?.lat != sliced[$0]?.lat } == Array(ids[4 ..< 8]))

        // The whole fleet: every driver under way heads for its load's delivery.
        _ = try await server.server.store.moveFleet(slice: FleetSlice(tick: 2, share: 1), move: move)
        _ = try await engine.syncOnce()
        let after = try await FleetTests.positions(mirror)
        let moved = ids

        let loads = try await mirror.pool.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM loads WHERE status IN ('X3', 'CP', 'AF', 'X6')")
                .map { try JSONDecoder().decode(Load.self, from: Data($0.utf8)) }
        }
        var headed = 0
        for id in moved {
            if let load = loads.first(where: { $0.driverId == id }), let delivery = load.delivery {
                #expect(after[id]?.lat == delivery.lat && after[id]?.lon == delivery.lon, "\(id) heads for \(load.id)")
                headed += 1
            } else {
                #expect(after[id]?.lat == (sliced[id]?.lat ?? 0) + 0.5, "\(id) drifts")
            }
        }
        #expect(headed > 0, "the seed has drivers under way")
    }

    static func positions(_ mirror: Mirror) async throws -> [String: (lat: Double, lon: Double)] {
        try await mirror.pool.read { db in
            var result: [String: (lat: Double, lon: Double)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, lat, lon FROM drivers") { result[row[0]] = (row[1], row[2]) }
            return result
        }
    }
}
