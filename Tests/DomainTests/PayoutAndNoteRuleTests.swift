import Foundation
import Testing
import Domain

@Suite("Payout and note rules")
struct PayoutAndNoteRuleTests {
    let accounting = Actor(user: "accounting", role: .accounting)
    let now = MemoryStore.now

    func action(_ store: MemoryStore, _ id: String = "P-1", key: String = "k1", reason: String? = nil) -> Mutation.PayoutAction {
        let payout = store.payouts[id]!
        return Mutation.PayoutAction(payout: payout, carrier: store.carriers[payout.carrierId], key: key, reason: reason)
    }

    func rejection(_ mutation: Mutation, by actor: Actor, in store: MemoryStore) -> MutationRejection? {
        do {
            try Mutator.apply(mutation, by: actor, in: store, now: now)
            return nil
        } catch {
            return error as? MutationRejection
        }
    }

    @Test func anApprovalIsAppliedOncePerKey() throws {
        let store = MemoryStore.fixture()
        let approve = Mutation.approvePayout(action(store))
        #expect(try Mutator.apply(approve, by: accounting, in: store, now: now) == .applied)
        #expect(store.payouts["P-1"]?.status == .approved)
        #expect(store.payouts["P-1"]?.version == 2)
        #expect(try Mutator.apply(approve, by: accounting, in: store, now: now) == .alreadyRecorded)
        #expect(store.payouts["P-1"]?.version == 2, "the same key again changes nothing")
        #expect(rejection(.approvePayout(action(store, key: "k2")), by: accounting, in: store)?.code == .payoutState)
    }

    @Test func aChangedAmountOrVerdictRefusesTheDecision() throws {
        let store = MemoryStore.fixture()
        let seen = action(store)
        store.payouts["P-1"]!.amountCents += 15_000
        store.payouts["P-1"]!.version += 1
        let amount = rejection(.approvePayout(seen), by: accounting, in: store)
        #expect(amount?.code == .stale)
        #expect(amount?.message.contains("$1,500.00 to $1,650.00") == true)

        let fresh = action(store)
        store.carriers["C-1"]!.verdict = .warn
        store.carriers["C-1"]!.verdictReason = "insurance expires in 12 days"
        let verdict = rejection(.approvePayout(fresh), by: accounting, in: store)
        #expect(verdict?.code == .stale)
        #expect(verdict?.message.contains("insurance expires in 12 days") == true)
        #expect(store.payouts["P-1"]?.status == .pending)

        // A version bump that changed neither the amount nor the verdict does not block.
        store.payouts["P-1"]!.version += 1
        try Mutator.apply(.approvePayout(action(store)), by: accounting, in: store, now: now)
        #expect(store.payouts["P-1"]?.status == .approved)
    }

    @Test func doNotUseCarriersAreNotPaidAndHoldsNeedAReason() throws {
        let store = MemoryStore.fixture()
        #expect(rejection(.approvePayout(action(store, "P-2")), by: accounting, in: store)?.code == .carrierDoNotUse)
        #expect(rejection(.holdPayout(action(store, "P-2")), by: accounting, in: store)?.code == .invalid)
        try Mutator.apply(.holdPayout(action(store, "P-2", reason: "carrier out of service")), by: accounting, in: store, now: now)
        #expect(store.payouts["P-2"]?.status == .held)
        #expect(store.payouts["P-2"]?.holdReason == "carrier out of service")
        let driver = Actor(user: "d-1", role: .driver, driverId: "D-1")
        #expect(rejection(.approvePayout(action(store, key: "k9")), by: driver, in: store)?.code == .forbidden)
    }

    @Test func quickPayWithholdsItsFeeOnce() throws {
        let store = MemoryStore.fixture()
        try Mutator.apply(.requestQuickPay(action(store)), by: accounting, in: store, now: now)
        #expect(store.payouts["P-1"]?.method == .quickPay)
        #expect(store.payouts["P-1"]?.feeCents == 4_500)
        #expect(store.payouts["P-1"]?.netCents == 145_500)
        #expect(rejection(.requestQuickPay(action(store, key: "k2")), by: accounting, in: store)?.code == .payoutState)
    }

    @Test func notesAreKeptOncePerIdAndOnlyOnYourOwnLoads() throws {
        let store = MemoryStore.fixture()
        let note = Mutation.addNote(.init(noteId: "n1", loadId: "L-1", text: "  call before arrival ", at: now))
        let dispatcher = Actor(user: "dispatch", role: .dispatcher)
        try Mutator.apply(note, by: dispatcher, in: store, now: now)
        #expect(try Mutator.apply(note, by: dispatcher, in: store, now: now) == .alreadyRecorded)
        #expect(store.loads["L-1"]?.notes?.map(\.text) == ["call before arrival"])
        let driver = Actor(user: "d-1", role: .driver, driverId: "D-1")
        let other = Mutation.addNote(.init(noteId: "n2", loadId: "L-1", text: "hello", at: now))
        #expect(rejection(other, by: driver, in: store)?.code == .forbidden)
        #expect(rejection(.addNote(.init(noteId: "n3", loadId: "L-1", text: "   ", at: now)), by: dispatcher, in: store)?.code == .invalid)
        let long = String(repeating: "x", count: LoadNote.maxLength + 1)
        #expect(rejection(.addNote(.init(noteId: "n4", loadId: "L-1", text: long, at: now)), by: dispatcher, in: store)?.code == .invalid)
    }

    @Test func everyMutationRoundTripsOnTheWire() throws {
        let store = MemoryStore.fixture()
        let mutations: [Mutation] = [
            .addNote(.init(noteId: "n1", loadId: "L-1", text: "x", at: 5)),
            .approvePayout(action(store)), .holdPayout(action(store, reason: "docs")), .requestQuickPay(action(store)),
        ]
        for mutation in mutations {
            let envelope = MutationEnvelope(id: 3, mutation: mutation, createdAt: 9)
            let decoded = try JSONDecoder.wire.decode(MutationEnvelope.self, from: try JSONEncoder.wire.encode(envelope))
            #expect(decoded == envelope)
        }
    }
}
