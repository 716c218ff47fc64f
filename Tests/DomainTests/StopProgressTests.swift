import Testing
import Domain

/// Status reports stop by stop on a load of several pickups and deliveries.
@Suite("Multi-stop status: each stop stamped, in order")
struct StopProgressTests {
    let dispatcher = Actor(user: "dispatch", role: .dispatcher)
    let now = MemoryStore.now

    /// L-1 with stops: pickup Dallas, pickup Fort Worth, delivery Little Rock, delivery Memphis; assigned to D-1.
    func store(stops count: Int = 4) throws -> MemoryStore {
        let store = MemoryStore.fixture()
        var load = try #require(store.loads["L-1"])
        let pickup2 = Stop(kind: .pickup, city: "Fort Worth", state: "TX", zip: "76102", lat: 32.75, lon: -97.33,
                           windowStart: now + 8_000, windowEnd: now + 9_000)
        let drop1 = Stop(kind: .delivery, city: "Little Rock", state: "AR", zip: "72201", lat: 34.75, lon: -92.29,
                         windowStart: now + 30_000, windowEnd: now + 31_000)
        if count == 4 { load.stops = [load.stops[0], pickup2, drop1, load.stops[1]] }
        store.loads["L-1"] = load
        try Mutator.apply(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), by: dispatcher, in: store, now: now)
        return store
    }

    var counter = Counter()
    final class Counter { var n = 0 }

    func report(_ code: StatusCode, at: Int64, stop: Int? = nil, signer: String? = nil, in store: MemoryStore) throws {
        counter.n += 1
        let args = Mutation.RecordStatus(eventId: "E-\(counter.n)", loadId: "L-1", code: code, at: at,
                                         podSigner: signer, stop: stop)
        _ = try Mutator.apply(.recordStatus(args), by: dispatcher, in: store, now: now)
    }

    func refusal(_ code: StatusCode, at: Int64, stop: Int? = nil, in store: MemoryStore) -> MutationRejection? {
        do {
            try report(code, at: at, stop: stop, in: store)
            return nil
        } catch let rejection as MutationRejection {
            return rejection
        } catch {
            Issue.record("\(error)")
            return nil
        }
    }

    /// Following `StopProgress.next` from assignment to delivery stamps every stop, and the load's
    /// status follows the first pickup and the last delivery (en route in between).
    @Test func aDriverWalksEveryStop() throws {
        let store = try store()
        var steps: [String] = []
        var statuses: [LoadStatus] = []
        var at = now - 20_000
        while let load = store.loads["L-1"], let (code, stop) = StopProgress.next(for: load) {
            steps.append("\(code.rawValue)@\(stop.map { "\($0 + 1)" } ?? "-")")
            try report(code, at: at, stop: stop, signer: code == .delivered ? "J. Smith" : nil, in: store)
            statuses.append(store.loads["L-1"]!.status)
            at += 600
            #expect(steps.count < 20, "the walk ends")
            if steps.count >= 20 { break }
        }
        #expect(steps == ["X3@1", "CP@1", "AF@1", "X3@2", "AF@2", "X1@3", "CD@3", "X1@4", "POD@4"])
        #expect(statuses == [.arrivedPickup, .loaded, .departedPickup, .departedPickup, .departedPickup,
                             .enRoute, .enRoute, .arrivedDelivery, .delivered])
        let load = try #require(store.loads["L-1"])
        for (index, stop) in load.stops.enumerated() {
            #expect(stop.arrivedAt != nil, "stop \(index + 1) arrived")
            #expect(stop.departedAt != nil, "stop \(index + 1) left")
        }
        #expect(load.stops[1].arrivedAt == now - 20_000 + 3 * 600, "the second pickup's own time")
        #expect(Set(store.events.values.compactMap(\.stop)) == [0, 1, 2, 3], "each event names its stop")
    }

    @Test func aTwoStopLoadGoesAsBefore() throws {
        let store = try store(stops: 2)
        var steps: [StatusCode] = []
        var at = now - 5_000
        while let load = store.loads["L-1"], let (code, _) = StopProgress.next(for: load), steps.count < 10 {
            steps.append(code)
            try report(code, at: at, signer: code == .delivered ? "J. Smith" : nil, in: store)
            at += 60
        }
        #expect(steps == [.arrivedPickup, .loaded, .departedPickup, .arrivedDelivery, .delivered])
        #expect(store.events.values.first { $0.code == .arrivedDelivery }?.stop == 1, "the server names the stop it inferred")
    }

    @Test func aReportWithoutAStopIsAboutTheNextOneOfItsKind() throws {
        let store = try store()
        try report(.arrivedPickup, at: now - 9_000, in: store)
        try report(.departedPickup, at: now - 8_000, in: store)
        try report(.arrivedPickup, at: now - 7_000, in: store)
        let load = try #require(store.loads["L-1"])
        #expect(load.stops[0].departedAt == now - 8_000)
        #expect(load.stops[1].arrivedAt == now - 7_000, "an older client's X3 lands on the second pickup")
        try report(.arrivedDelivery, at: now - 6_000, in: store)
        #expect(store.loads["L-1"]?.stops[2].arrivedAt == now - 6_000)
        #expect(store.loads["L-1"]?.status == .enRoute, "a delivery between is not the load's arrival")
    }

    @Test func aStopMustFitTheCode() throws {
        let store = try store()
        #expect(refusal(.arrivedPickup, at: now, stop: 2, in: store)?.message
                == "stop 3 is a delivery: X3 (at pickup) is for a pickup")
        #expect(refusal(.arrivedPickup, at: now, stop: 7, in: store)?.message == "stop 8: L-1 has 4 stops")
        #expect(refusal(.delivered, at: now, stop: 2, in: store)?.message.hasPrefix("proof of delivery is for the last delivery (stop 4)") == true)
        #expect(refusal(.enRoute, at: now, stop: 1, in: store)?.code == .invalid)
        #expect(store.events.isEmpty, "nothing recorded")
    }

    @Test func reportsKeepTheirOrderAlongTheStops() throws {
        let store = try store()
        try report(.arrivedPickup, at: now - 9_000, stop: 0, in: store)
        try report(.departedPickup, at: now - 8_000, stop: 0, in: store)
        // Stop 2 cannot be reached before stop 1 was left.
        let early = refusal(.arrivedPickup, at: now - 8_500, stop: 1, in: store)
        #expect(early?.code == .timeOrder)
        #expect(early?.message == "at pickup at this time would be before departed at stop 1")
        try report(.arrivedPickup, at: now - 7_000, stop: 1, in: store)
        // Stop 1's loading, reported late from another terminal, fills in the history.
        try report(.loaded, at: now - 8_800, stop: 0, in: store)
        // But not after stop 2's arrival.
        #expect(refusal(.loaded, at: now - 6_000, stop: 0, in: store)?.code == .timeOrder)
    }
}
