import Foundation
import Testing
import GRDB
import Client
import Domain
import Server
import Sync

@Suite("Carriers and drivers added through the product, on both stores", .serialized)
struct FleetEditTests {
    @Test(arguments: StoreKind.available) func aCarrierAndItsDriverAddedOfflineReachTheOtherConsole(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let ((east, eastEngine, dispatcher), (west, westEngine)) = try await server.twoSyncedConsoles()
        let now = Int64(Date().timeIntervalSince1970)
        let carrierId = FleetID.carrier(), driverId = FleetID.driver()
        try await east.enqueue(.addCarrier(.init(carrierId: carrierId, mcNumber: "MC-998877", name: "Prairie Haulers", at: now)), by: dispatcher)
        try await east.enqueue(.addDriver(.init(driverId: driverId, carrierId: carrierId, name: "Rosa Diaz", phone: "(214) 555-0100",
                                                equipment: "R", home: "Amarillo, TX", at: now)), by: dispatcher)
        #expect(try await eastEngine.syncOnce().rejected.isEmpty)
        _ = try await westEngine.syncOnce()
        let carrier = try #require(try await MirrorQueries(mirror: west).carrier(carrierId))
        #expect(carrier.verdict == .doNotUse && carrier.mcNumber == "998877")
        let driver = try #require(try await MirrorQueries(mirror: west).driver(driverId))
        #expect(driver.homeCity == "Amarillo" && driver.carrierId == carrierId)

        // Until verified, its driver gets no load: refused locally, and by the server for a client that sends it anyway.
        let (load, _) = try await server.postedLoadAndDriver(in: west)
        await #expect(throws: SyncError.self) { try await west.enqueue(.assignLoad(.init(loadId: load, driverId: driverId)), by: dispatcher) }

        // A hand mark and duty changes reach the other console too.
        let (_, someDriver) = try await server.postedLoadAndDriver(in: east)
        let someCarrier = try #require(try await MirrorQueries(mirror: east).driver(someDriver)).carrierId
        try await east.enqueue(.markCarrier(.init(carrierId: someCarrier, reason: "double brokered L-9", at: now)), by: dispatcher)
        try await east.enqueue(.setDriverDuty(.init(driverId: driverId, duty: .offDuty, until: now + 36_000, at: now)), by: dispatcher)
        #expect(try await eastEngine.syncOnce().rejected.isEmpty)
        _ = try await westEngine.syncOnce()
        #expect(try await MirrorQueries(mirror: west).carrier(someCarrier)?.verdictReason == "marked do-not-use by dispatch: double brokered L-9")
        #expect(try await MirrorQueries(mirror: west).driver(driverId)?.duty == .offDuty)
    }
}
