import Foundation
import Testing
import Domain

@Suite("Proof of delivery and report places")
struct ProofOfDeliveryTests {
    let dispatcher = Actor(user: "dispatch", role: .dispatcher)
    let driver = Actor(user: "d-1", role: .driver, driverId: "D-1")
    let now = MemoryStore.now

    func status(_ code: StatusCode, id: String, at: Int64, signer: String? = nil) -> Mutation {
        .recordStatus(.init(eventId: id, loadId: "L-1", code: code, at: at, podSigner: signer))
    }

    func deliveredStore() throws -> MemoryStore {
        let store = MemoryStore.fixture()
        try Mutator.apply(.assignLoad(.init(loadId: "L-1", driverId: "D-1")), by: dispatcher, in: store, now: now)
        try Mutator.apply(status(.arrivedPickup, id: "e1", at: now - 400), by: driver, in: store, now: now)
        try Mutator.apply(status(.arrivedDelivery, id: "e2", at: now - 200), by: driver, in: store, now: now)
        return store
    }

    @Test func aDeliveryStoresItsSignerTrimmed() throws {
        let store = try deliveredStore()
        try Mutator.apply(status(.delivered, id: "e3", at: now - 100, signer: "  Jane Smith "), by: driver, in: store, now: now)
        #expect(store.events["e3"]?.podSigner == "Jane Smith")
        #expect(store.loads["L-1"]?.status == .delivered)
    }

    @Test func theRulesRefuseABadSigner() throws {
        let store = try deliveredStore()
        for (code, signer) in [(StatusCode.delivered, "   "), (.delivered, String(repeating: "x", count: 61)),
                               (.loaded, "Jane Smith")] {
            do {
                try Mutator.apply(status(code, id: "bad", at: now - 100, signer: signer), by: driver, in: store, now: now)
                Issue.record("accepted \(code) signed \(signer)")
            } catch let rejection as MutationRejection {
                #expect(rejection.code == .invalid)
            }
        }
        #expect(store.events["bad"] == nil)
        #expect(Mutation.RecordStatus.signerProblem("") == "the signer's name is required for proof of delivery")
        #expect(Mutation.RecordStatus.signerProblem("J. Smith") == nil)
    }

    @Test func theSignerIsAnOptionalWireField() throws {
        // An older client's report without the field still decodes; nil is not written.
        let old = #"{"eventId":"e9","loadId":"L-1","code":"POD","at":5}"#
        let decoded = try JSONDecoder().decode(Mutation.RecordStatus.self, from: Data(old.utf8))
        #expect(decoded.podSigner == nil)
        let encoded = String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self)
        #expect(!encoded.contains("podSigner"))
        let signed = Mutation.RecordStatus(eventId: "e9", loadId: "L-1", code: .delivered, at: 5, podSigner: "Ann")
        let event = String(decoding: try JSONEncoder().encode(signed), as: UTF8.self)
        #expect(event.contains(#""podSigner":"Ann""#))
        let oldEvent = #"{"id":"e9","loadId":"L-1","code":"X3","at":5,"recordedBy":"d-1"}"#
        #expect(try JSONDecoder().decode(StatusEvent.self, from: Data(oldEvent.utf8)).podSigner == nil)
    }

    @Test func aFreshFixWinsOverTheStop() {
        let stop = Stop(kind: .pickup, city: "Dallas", state: "TX", zip: "75201", lat: 32.8, lon: -96.8,
                        windowStart: 0, windowEnd: 10)
        let fresh = ReportPlace.choose(fix: .init(lat: 32.71234, lon: -96.5, at: 10_000 - 600), stop: stop, now: 10_000)
        #expect(fresh?.source == .gps(ageSeconds: 600))
        #expect(fresh?.coordinates == "32.7123, -96.5000")
        let stale = ReportPlace.choose(fix: .init(lat: 1, lon: 1, at: 10_000 - 1_800), stop: stop, now: 10_000)
        #expect(stale?.source == .stop(place: "Dallas, TX"))
        #expect(stale?.coordinates == "32.8000, -96.8000")
        #expect(ReportPlace.choose(fix: nil, stop: nil, now: 0) == nil)
    }

    @Test func payoutRulesAnswerBeforeAnythingIsSent() {
        let paid = Payout(id: "P-1", loadId: "L-1", carrierId: "C-1", amountCents: 100_000, method: .standard,
                          feeCents: 0, status: .paid, dueAt: 0)
        #expect(PayoutRules.problem(.approve, paid, carrier: nil) == "P-1 is paid; only pending or held payouts can be approved")
        var pending = paid
        pending.status = .pending
        #expect(PayoutRules.problem(.approve, pending, carrier: nil) == nil)
        #expect(PayoutRules.problem(.quickPay, pending, carrier: nil) == nil)
        #expect(throws: MutationRejection.self) { try PayoutRules.holdReason("  ") }
        #expect(Payout.quickPayFee(on: 100_000) == 3_000)
    }
}
