import Testing
import Foundation
import Domain

@Suite("Posting, editing, cancelling, tendering and check calls")
struct LoadLifecycleRuleTests {
    let dispatcher = Actor(user: "dispatch", role: .dispatcher)
    let now = MemoryStore.now

    func terms(stops: [Mutation.StopPlan]? = nil, rate: Int64 = 250, kind: RateKind = .perMile,
               weight: Int = 40_000) -> Mutation.LoadTerms {
        Mutation.LoadTerms(
            shipper: "Lone Star Paper", reference: "PO-7781", commodity: "paper rolls", equipment: "v",
            weightLbs: weight, lengthFt: 53, rateCents: rate, rateKind: kind,
            stops: stops ?? [
                .init(kind: .pickup, city: "Dallas, TX", address: "2100 Commerce St", windowStart: now + 3_600, windowEnd: now + 7_200),
                .init(kind: .pickup, city: "fort worth tx", windowStart: now + 10_800, windowEnd: now + 14_400),
                .init(kind: .delivery, city: "38103", windowStart: now + 60_000, windowEnd: now + 64_000),
            ])
    }

    func outcome(_ mutation: Mutation, by actor: Actor? = nil, in store: MemoryStore) -> Result<MutationOutcome, MutationRejection> {
        do {
            return .success(try Mutator.apply(mutation, by: actor ?? dispatcher, in: store, now: now))
        } catch let rejection as MutationRejection {
            return .failure(rejection)
        } catch {
            Issue.record("unexpected error \(error)")
            return .failure(MutationRejection(.invalid, "\(error)"))
        }
    }

    func rejection(_ mutation: Mutation, by actor: Actor? = nil, in store: MemoryStore) -> MutationRejection? {
        if case .failure(let r) = outcome(mutation, by: actor, in: store) { return r }
        return nil
    }

    @Test func postResolvesCitiesMilesAndTheTotalRate() throws {
        let store = MemoryStore()
        let post = Mutation.PostLoad(loadId: "L-NEW1", terms: terms(), at: now)
        #expect(try Mutator.apply(.postLoad(post), by: dispatcher, in: store, now: now) == .applied)
        let load = try #require(store.loads["L-NEW1"])
        #expect(load.stops.map(\.place) == ["Dallas, TX", "Fort Worth, TX", "Memphis, TN"])
        #expect(load.stops[0].address == "2100 Commerce St")
        #expect(load.stops[2].zip == "38103")
        let dallas = try #require(City.find("Dallas, TX")), worth = try #require(City.find("Fort Worth, TX"))
        let memphis = try #require(City.find("Memphis, TN"))
        let miles = dallas.point.roadMiles(to: worth.point) + worth.point.roadMiles(to: memphis.point)
        #expect(load.miles == miles)
        #expect(load.rateCents == 250 * Int64(miles), "per mile: the quote times the miles")
        #expect(load.unitRateCents == 250)
        #expect(load.equipment == "V")
        #expect(load.status == .posted && load.version == 1 && load.postedAt == now)
        // Sent again (a retry, an import run twice): the same load, nothing changes.
        #expect(try Mutator.apply(.postLoad(post), by: dispatcher, in: store, now: now) == .alreadyRecorded)
        var other = post
        other.terms.reference = "PO-9999"
        #expect(rejection(.postLoad(other), in: store)?.message.contains("cannot be used") == true)
    }

    @Test func ratesOfEveryKind() throws {
        let twoStops: [Mutation.StopPlan] = [
            .init(kind: .pickup, city: "Dallas, TX", windowStart: now + 3_600, windowEnd: now + 7_200),
            .init(kind: .delivery, city: "Houston, TX", windowStart: now + 30_000, windowEnd: now + 34_000),
        ]
        let flat = try LoadRules.resolve(terms(stops: twoStops, rate: 240_000, kind: .flat))
        #expect(flat.rateCents == 240_000 && flat.unitRateCents == nil)
        let ton = try LoadRules.resolve(terms(stops: twoStops, rate: 1_400, kind: .perTon, weight: 44_000))
        #expect(ton.rateCents == 1_400 * 22, "22 tons at $14.00")
        let hour = try LoadRules.resolve(terms(stops: twoStops, rate: 9_500, kind: .perHour))
        #expect(hour.rateCents == 9_500 * Int64(LoadRules.estimatedHours(miles: hour.miles, stops: 2)))
    }

    @Test func badTermsNameTheirField() {
        var bad = terms(weight: -5)
        bad.shipper = "  "
        bad.reference = String(repeating: "x", count: 10_000)
        bad.commodity = "steel\u{07}coils"
        bad.equipment = "SPACESHIP"
        bad.lengthFt = 0
        bad.rateCents = 0
        bad.stops[1].city = "Atlantis, XX"
        bad.stops[2].windowEnd = bad.stops[2].windowStart - 60
        let fields = LoadRules.problems(bad).map(\.field)
        #expect(fields == [.shipper, .reference, .commodity, .equipment, .weight, .length, .rate, .stopCity(2), .stopWindow(3)])
        #expect(LoadRules.problems(bad).map(\.description).contains("weight: must be between 1 and 150,000 lbs"))

        var noDelivery = terms()
        noDelivery.stops[2].kind = .pickup
        #expect(LoadRules.problems(noDelivery).map(\.description) == ["stops: the last stop must be a delivery"])
        var one = terms()
        one.stops = [one.stops[0]]
        #expect(LoadRules.problems(one).first?.field == .stops)
        var outOfOrder = terms()
        outOfOrder.stops[1].windowStart = now
        #expect(LoadRules.problems(outOfOrder).first?.field == .stopWindow(2))

        let store = MemoryStore()
        let refused = rejection(.postLoad(.init(loadId: "L-NEW2", terms: bad, at: now)), in: store)
        #expect(refused?.code == .invalid && refused?.message.hasPrefix("shipper:") == true)
        #expect(store.loads.isEmpty, "nothing is posted")
        #expect(rejection(.postLoad(.init(loadId: "nonsense id", terms: terms(), at: now)), in: store)?.code == .invalid)
        #expect(rejection(.postLoad(.init(loadId: "L-NEW3", terms: terms(), at: now)),
                          by: Actor(user: "acct", role: .accounting), in: store)?.code == .forbidden)
    }

    @Test func editsCarryTheVersionTheUserSaw() throws {
        let store = MemoryStore.fixture()
        let load = try #require(store.loads["L-1"])
        var raised = Mutation.LoadTerms(load)
        raised.rateCents = 130_000
        let edit = Mutation.EditLoad(load: load, terms: raised)
        #expect(try Mutator.apply(.editLoad(edit), by: dispatcher, in: store, now: now) == .applied)
        #expect(store.loads["L-1"]?.rateCents == 130_000)
        #expect(store.loads["L-1"]?.version == 2)
        // The same edit again was made on version 1: the load moved on, and the refusal says how.
        let stale = rejection(.editLoad(edit), in: store)
        #expect(stale?.code == .stale)
        #expect(stale?.message.contains("rate $1,200.00 flat → $1,300.00 flat") == true)
        #expect(rejection(.editLoad(.init(load: try #require(store.loads["L-1"]), terms: raised)), in: store)?.code == .invalid,
                "an edit that changes nothing")
    }

    @Test func anEditLeavingTheRateAloneKeepsAnOldLoadsRateKind() throws {
        let store = MemoryStore.fixture()
        store.loads["L-1"]?.rateKind = .perMile
        let load = try #require(store.loads["L-1"])
        var terms = Mutation.LoadTerms(load)
        #expect(terms.rateKind == .flat && terms.rateCents == 120_000, "its total, quoted flat")
        terms.reference = "PO1-C"
        try Mutator.apply(.editLoad(.init(load: load, terms: terms)), by: dispatcher, in: store, now: now)
        #expect(store.loads["L-1"]?.rateKind == .perMile && store.loads["L-1"]?.rateCents == 120_000)
        #expect(store.loads["L-1"]?.reference == "PO1-C")
    }

    @Test func whatMayChangeDependsOnTheStatus() throws {
        let store = MemoryStore.fixture()
        try Mutator.apply(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), by: dispatcher, in: store, now: now)
        var load = try #require(store.loads["L-1"])
        var terms = Mutation.LoadTerms(load)
        terms.equipment = "R"
        let refused = rejection(.editLoad(.init(load: load, terms: terms)), in: store)
        #expect(refused?.message == "L-1 is assigned: its equipment can no longer change (unassign it first)")
        terms = Mutation.LoadTerms(load)
        terms.stops[1].windowEnd += 3_600
        terms.reference = "PO1-B"
        #expect(rejection(.editLoad(.init(load: load, terms: terms)), in: store) == nil)
        load = try #require(store.loads["L-1"])
        #expect(load.reference == "PO1-B" && load.stops[1].windowEnd == now + 53_600)

        try Mutator.apply(.recordStatus(.init(eventId: "E-x3", loadId: "L-1", code: .arrivedPickup, at: now)),
                          by: dispatcher, in: store, now: now)
        load = try #require(store.loads["L-1"])
        terms = Mutation.LoadTerms(load)
        terms.stops[0].windowEnd += 600
        #expect(rejection(.editLoad(.init(load: load, terms: terms)), in: store)?.message
                == "stop 1 was already reached; its window can no longer change")
        terms = Mutation.LoadTerms(load)
        terms.weightLbs = 1
        #expect(rejection(.editLoad(.init(load: load, terms: terms)), in: store)?.message
                == "L-1 is at pickup: its weight can no longer change")
    }

    @Test func cancelBeforePickupOnlyWithAReason() throws {
        let store = MemoryStore.fixture()
        let cancel = Mutation.CancelLoad(eventId: "E-ca1", loadId: "L-1", reason: .other, note: "  ", at: now)
        #expect(rejection(.cancelLoad(cancel), in: store)?.message == "note: say why when the reason is 'other'")
        let real = Mutation.CancelLoad(eventId: "E-ca1", loadId: "L-1", reason: .shipperCancelled, note: "plant shut", at: now)
        #expect(try Mutator.apply(.cancelLoad(real), by: dispatcher, in: store, now: now) == .applied)
        #expect(store.loads["L-1"]?.status == .cancelled)
        #expect(store.events["E-ca1"]?.code == .cancelled)
        #expect(store.events["E-ca1"]?.note == "shipper cancelled: plant shut")
        #expect(try Mutator.apply(.cancelLoad(real), by: dispatcher, in: store, now: now) == .alreadyRecorded)
        var again = real
        again.eventId = "E-ca2"
        #expect(rejection(.cancelLoad(again), in: store)?.message == "L-1 is already cancelled")

        let picked = MemoryStore.fixture()
        try Mutator.apply(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), by: dispatcher, in: picked, now: now)
        try Mutator.apply(.recordStatus(.init(eventId: "E-x3", loadId: "L-1", code: .arrivedPickup, at: now)),
                          by: dispatcher, in: picked, now: now)
        #expect(rejection(.cancelLoad(real), in: picked)?.code == .loadFinal)
    }

    @Test func tenderNeedsAnAssignedLoadOfAUsableCarrier() throws {
        let store = MemoryStore.fixture()
        let tender = Mutation.TenderLoad(eventId: "E-dp1", loadId: "L-1", at: now)
        #expect(rejection(.tenderLoad(tender), in: store)?.message == "L-1 has no carrier yet; assign it first")
        try Mutator.apply(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), by: dispatcher, in: store, now: now)
        store.carriers["C-1"]?.verdict = .doNotUse
        #expect(rejection(.tenderLoad(tender), in: store)?.code == .carrierDoNotUse)
        store.carriers["C-1"]?.verdict = .ok
        #expect(try Mutator.apply(.tenderLoad(tender), by: dispatcher, in: store, now: now) == .applied)
        #expect(store.loads["L-1"]?.status == .dispatched)
        #expect(store.events["E-dp1"]?.code == .dispatched)
        #expect(try Mutator.apply(.tenderLoad(tender), by: dispatcher, in: store, now: now) == .alreadyRecorded)
    }

    @Test func checkCallsKeepTheLatest() throws {
        let store = MemoryStore.fixture()
        let call = Mutation.RecordCheckCall(checkCallId: "K-1", loadId: "L-1", place: "Texarkana, TX",
                                            etaAt: now + 4 * 3_600, at: now - 600)
        #expect(rejection(.checkCall(call), in: store)?.code == .notAssigned, "a posted load has no truck to follow")
        try Mutator.apply(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), by: dispatcher, in: store, now: now)
        #expect(try Mutator.apply(.checkCall(call), by: dispatcher, in: store, now: now) == .applied)
        let recorded = try #require(store.loads["L-1"]?.checkCall)
        #expect(recorded.place == "Texarkana, TX" && recorded.nextStop == 0 && recorded.recordedBy == "dispatch")
        let older = Mutation.RecordCheckCall(checkCallId: "K-0", loadId: "L-1", place: "Dallas, TX", etaAt: now, at: now - 7_200)
        #expect(try Mutator.apply(.checkCall(older), by: dispatcher, in: store, now: now) == .alreadyRecorded)
        #expect(store.loads["L-1"]?.checkCall?.id == "K-1", "an older call arriving late does not replace the latest")
        var bad = call
        bad.checkCallId = "K-2"
        bad.place = "Nowhere"
        #expect(rejection(.checkCall(bad), in: store)?.message.hasPrefix("place: unknown city") == true)
        bad.place = "Joplin, MO"
        bad.etaAt = bad.at - 1
        #expect(rejection(.checkCall(bad), in: store)?.message == "eta: is before the time of the call")
    }

    @Test func citiesResolveByNameStateOrZipAndKeepTheirZone() throws {
        #expect(City.find("kansas city, mo")?.state == "MO")
        #expect(City.find("Kansas City") == nil, "two states have one: ambiguous")
        #expect(City.find("64106")?.place == "Kansas City, MO")
        #expect(City.find("El Paso, TX")?.timeZoneIdentifier == "America/Denver")
        #expect(City.find("Memphis TN")?.timeZoneIdentifier == "America/Chicago")
        #expect(City.completions(of: "kans").map(\.place).contains("Kansas City, KS"))
        #expect(LoadID.isValid(LoadID.new()))
        #expect(LoadID.forReference(shipper: "Acme", reference: "po-1") == LoadID.forReference(shipper: "ACME", reference: "PO-1"))
    }

    @Test func newMutationsRoundTripOnTheWire() throws {
        let mutations: [Mutation] = [
            .postLoad(.init(loadId: "L-NEW1", terms: terms(), at: now)),
            .editLoad(.init(loadId: "L-1", seenVersion: 3, seen: terms(), terms: terms(rate: 300))),
            .cancelLoad(.init(eventId: "E-1", loadId: "L-1", reason: .noCapacity, at: now)),
            .tenderLoad(.init(eventId: "E-2", loadId: "L-1", at: now)),
            .checkCall(.init(checkCallId: "K-1", loadId: "L-1", place: "Joplin, MO", etaAt: now + 60, at: now)),
        ]
        for (index, mutation) in mutations.enumerated() {
            let envelope = MutationEnvelope(id: Int64(index + 1), mutation: mutation, createdAt: now)
            let decoded = try JSONDecoder.wire.decode(MutationEnvelope.self, from: JSONEncoder.wire.encode(envelope))
            #expect(decoded == envelope)
            #expect(mutation.isAllowed(for: .dispatcher) && !mutation.isAllowed(for: .driver))
        }
    }
}
