import Testing
import Foundation
import Domain

@Suite("Carriers and drivers added through the product")
struct FleetRuleTests {
    let dispatcher = Actor(user: "dispatch", role: .dispatcher)
    let now = MemoryStore.now

    func rejection(_ mutation: Mutation, by actor: Actor? = nil, in store: MemoryStore) -> MutationRejection? {
        do {
            try Mutator.apply(mutation, by: actor ?? dispatcher, in: store, now: now)
            return nil
        } catch let rejection as MutationRejection {
            return rejection
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func aNewCarrierIsDoNotUseUntilVerified() throws {
        let store = MemoryStore.fixture()
        let add = Mutation.AddCarrier(carrierId: "C-NEW1", dotNumber: "USDOT 0123456", name: "Prairie Haulers", at: now)
        #expect(try Mutator.apply(.addCarrier(add), by: dispatcher, in: store, now: now) == .applied)
        let carrier = try #require(store.carriers["C-NEW1"])
        #expect(carrier.dotNumber == "123456" && carrier.mcNumber == "")
        #expect(carrier.verdict == .doNotUse && carrier.verdictReason == "not yet verified with FMCSA")
        #expect(try Mutator.apply(.addCarrier(add), by: dispatcher, in: store, now: now) == .alreadyRecorded)
        #expect(rejection(.addCarrier(.init(carrierId: "C-NEW2", at: now)), in: store)?.message == "a carrier is added by its DOT or MC number")
        #expect(rejection(.addCarrier(.init(carrierId: "C-NEW2", mcNumber: "MC-12a", at: now)), in: store)?.message.hasPrefix("mc:") == true)
        // A driver of it cannot be given a load until the check clears it.
        try Mutator.apply(.addDriver(.init(driverId: "D-NEW1", carrierId: "C-NEW1", name: "Rosa Diaz", phone: "(214) 555-0100",
                                           equipment: "v", home: "Dallas, TX", at: now)), by: dispatcher, in: store, now: now)
        let driver = try #require(store.drivers["D-NEW1"])
        #expect(driver.homeCity == "Dallas" && driver.equipment == "V" && driver.available && driver.hos.driveMinutes == 660)
        #expect(rejection(.assignLoad(.init(loadId: "L-1", driverId: "D-NEW1")), in: store)?.code == .carrierDoNotUse)
    }

    @Test func badDriversNameTheField() {
        let store = MemoryStore.fixture()
        func add(_ change: (inout Mutation.AddDriver) -> Void) -> String? {
            var args = Mutation.AddDriver(driverId: "D-NEW9", carrierId: "C-1", name: "Sam Reed", phone: "214-555-0199",
                                          equipment: "R", home: "75201", at: now)
            change(&args)
            return rejection(.addDriver(args), in: store)?.message
        }
        #expect(add { $0.phone = "call me" }?.hasPrefix("phone:") == true)
        #expect(add { $0.equipment = "hovercraft" }?.hasPrefix("equipment:") == true)
        #expect(add { $0.home = "Atlantis" }?.hasPrefix("home:") == true)
        #expect(add { $0.name = "" } == "name: is required")
        #expect(add { $0.carrierId = "C-404" } == "carrier: no carrier C-404")
        #expect(add { _ in } == nil)
    }

    @Test func aHandMarkWinsUntilLifted() throws {
        let store = MemoryStore.fixture()
        try Mutator.apply(.markCarrier(.init(carrierId: "C-1", reason: "double brokered a load", at: now)), by: dispatcher, in: store, now: now)
        #expect(store.carriers["C-1"]?.verdict == .doNotUse)
        #expect(store.carriers["C-1"]?.verdictReason == "marked do-not-use by dispatch: double brokered a load")
        #expect(rejection(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), in: store)?.code == .carrierDoNotUse)
        try Mutator.apply(.markCarrier(.init(carrierId: "C-1", reason: nil, at: now)), by: dispatcher, in: store, now: now)
        #expect(store.carriers["C-1"]?.verdict == .ok, "back to what the facts say")
        #expect(rejection(.markCarrier(.init(carrierId: "C-1", reason: "  ", at: now)), in: store)?.message == "reason: is required")
    }

    @Test func dutyIsSetByADispatcherOrTheDriverItself() throws {
        let store = MemoryStore.fixture()
        let off = Mutation.SetDriverDuty(driverId: "D-1", duty: .offDuty, until: now + 10 * 3_600, at: now)
        #expect(rejection(.setDriverDuty(off), by: Actor(user: "d-2", role: .driver, driverId: "D-2"), in: store)?.code == .forbidden)
        try Mutator.apply(.setDriverDuty(off), by: Actor(user: "d-1", role: .driver, driverId: "D-1"), in: store, now: now)
        #expect(store.drivers["D-1"]?.available == false && store.drivers["D-1"]?.duty == .offDuty)
        #expect(rejection(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), in: store)?.code == .driverUnavailable)
        #expect(rejection(.setDriverDuty(.init(driverId: "D-1", duty: .available, until: now + 60, at: now)), in: store)?.message
                == "until: an available driver has no end time")
        try Mutator.apply(.setDriverDuty(.init(driverId: "D-1", duty: .available, at: now)), by: dispatcher, in: store, now: now)
        #expect(store.drivers["D-1"]?.available == true)
    }
}
