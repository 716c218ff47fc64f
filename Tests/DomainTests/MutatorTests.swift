import Testing
import Domain

@Suite("Mutation rules")
struct MutatorTests {
    let dispatcher = Actor(user: "dispatch", role: .dispatcher)
    let now = MemoryStore.now

    func reject(_ mutation: Mutation, by actor: Actor? = nil, in store: MemoryStore) -> MutationRejection.Code? {
        do {
            try Mutator.apply(mutation, by: actor ?? dispatcher, in: store, now: now)
            return nil
        } catch let rejection as MutationRejection {
            return rejection.code
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func assignsAPostedLoadToAnAvailableDriver() throws {
        let store = MemoryStore.fixture()
        try Mutator.apply(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), by: dispatcher, in: store, now: now)
        let load = try #require(store.loads["L-1"])
        #expect(load.status == .assigned)
        #expect(load.driverId == "D-1")
        #expect(load.carrierId == "C-1")
        #expect(load.version == 2)
    }

    @Test func refusesWhatTheRulesForbid() {
        let store = MemoryStore.fixture()
        #expect(reject(.assignLoad(.init(loadId: "L-9", driverId: "D-1")), in: store) == .notFound)
        #expect(reject(.assignLoad(.init(loadId: "L-1", driverId: "D-9")), in: store) == .notFound)
        #expect(reject(.assignLoad(.init(loadId: "L-1", driverId: "D-2")), in: store) == .carrierDoNotUse)
        #expect(reject(.assignLoad(.init(loadId: "L-1", driverId: "D-3")), in: store) == .driverUnavailable)
        #expect(reject(.assignLoad(.init(loadId: "L-1", driverId: "D-1")),
                       by: Actor(user: "d-1", role: .driver, driverId: "D-1"), in: store) == .forbidden)
        #expect(store.loads["L-1"]?.status == .posted, "a refused mutation changes nothing")
        #expect(reject(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), in: store) == nil)
        #expect(reject(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), in: store) == .notPosted)
    }

    @Test func unassignReturnsTheLoadToTheBoard() throws {
        let store = MemoryStore.fixture()
        #expect(reject(.unassignLoad(.init(loadId: "L-1")), in: store) == .notAssigned)
        try Mutator.apply(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), by: dispatcher, in: store, now: now)
        try Mutator.apply(.unassignLoad(.init(loadId: "L-1")), by: dispatcher, in: store, now: now)
        #expect(store.loads["L-1"]?.status == .posted)
        #expect(store.loads["L-1"]?.driverId == nil)
    }

    func status(_ code: StatusCode, id: String, at: Int64, reason: DelayReason? = nil) -> Mutation {
        .recordStatus(.init(eventId: id, loadId: "L-1", code: code, reason: reason, at: at))
    }

    @Test func statusesOnlyMoveForward() throws {
        let store = MemoryStore.fixture()
        let driver = Actor(user: "d-1", role: .driver, driverId: "D-1")
        #expect(reject(status(.arrivedPickup, id: "e0", at: now - 60), by: driver, in: store) == .forbidden)
        try Mutator.apply(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), by: dispatcher, in: store, now: now)
        try Mutator.apply(status(.arrivedPickup, id: "e1", at: now - 600), by: driver, in: store, now: now)
        try Mutator.apply(status(.departedPickup, id: "e2", at: now - 300), by: driver, in: store, now: now)
        #expect(store.loads["L-1"]?.status == .departedPickup)
        #expect(store.loads["L-1"]?.pickup?.arrivedAt == now - 600)
        #expect(store.loads["L-1"]?.pickup?.departedAt == now - 300)
        #expect(reject(status(.loaded, id: "e3", at: now - 200), by: driver, in: store) == .timeOrder,
                "loaded after the departure that follows it")
        // The same report from an offline terminal, timed between arrival and departure, fills in the history.
        try Mutator.apply(status(.loaded, id: "e3b", at: now - 450), by: driver, in: store, now: now)
        #expect(store.loads["L-1"]?.status == .departedPickup, "the status is the latest stage, not the latest report")
        // A departure from delivery before the arrival there is refused.
        try Mutator.apply(status(.arrivedDelivery, id: "e4", at: now - 100), by: driver, in: store, now: now)
        #expect(reject(status(.delivered, id: "e5", at: now - 150), by: driver, in: store) == .timeOrder)
        #expect(reject(status(.delayed, id: "e6", at: now), by: driver, in: store) == .invalid, "a delay needs a reason")
        try Mutator.apply(status(.delayed, id: "e7", at: now, reason: .consigneeClosed), by: driver, in: store, now: now)
        #expect(store.loads["L-1"]?.delay == .consigneeClosed)
        #expect(store.loads["L-1"]?.status == .arrivedDelivery)
    }

    @Test func theSameEventTwiceIsOneFact() throws {
        let store = MemoryStore.fixture()
        try Mutator.apply(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), by: dispatcher, in: store, now: now)
        let first = try Mutator.apply(status(.arrivedPickup, id: "same", at: now - 60), by: dispatcher, in: store, now: now)
        let again = try Mutator.apply(status(.arrivedPickup, id: "same", at: now - 60), by: dispatcher, in: store, now: now)
        #expect(first == .applied)
        #expect(again == .alreadyRecorded)
        #expect(store.events.count == 1)
        // Another terminal reporting the same arrival offline merges instead of conflicting.
        try Mutator.apply(status(.arrivedPickup, id: "other", at: now - 50), by: dispatcher, in: store, now: now)
        #expect(store.events.count == 2)
        #expect(store.loads["L-1"]?.status == .arrivedPickup)
    }

    @Test func accountingMayNotDispatch() {
        let store = MemoryStore.fixture()
        let accounting = Actor(user: "acc", role: .accounting)
        #expect(reject(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), by: accounting, in: store) == .forbidden)
        #expect(reject(status(.cancelled, id: "c", at: now), by: accounting, in: store) == .forbidden)
    }
}
