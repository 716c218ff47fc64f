import Domain
import Testing
@testable import Views

@Suite("Payout actions, totals and filter")
struct PaymentActionViewTests {
    let payout = Payout(id: "P1", loadId: "L1001", carrierId: "C1", amountCents: 150_000, method: .standard, feeCents: 0,
                        status: .pending, dueAt: Fixtures.now + 86_400)

    func state(_ verb: PayoutVerb, reason: String = "", error: String? = nil) -> ScreenState {
        var s = Fixtures.boardState()
        s.pane = .payments
        var action = PayoutActionState(verb: verb, payout: payout, payeeName: "Swift Haul LLC", verdict: .ok)
        action.reason = reason
        action.error = error
        s.dialog = .payoutAction(action)
        return s
    }

    @Test func quickPayShowsAmountPayeeFeeAndNet() {
        let text = Screen.render(state(.quickPay)).text
        #expect(text.contains("┌─ QuickPay P1? ─"))
        #expect(text.contains("│ Payee     Swift Haul LLC"))
        #expect(text.contains("│ Load      L1001"))
        #expect(text.contains("│ Amount    $1,500.00"))
        #expect(text.contains("│ Fee       $45.00 (3.0%)"))
        #expect(text.contains("│ Net       $1,455.00"))
        #expect(text.contains("│ Enter/y confirm  Esc/n cancel"))
    }

    @Test func approveShowsWhatIsPaid() {
        let text = Screen.render(state(.approve)).text
        #expect(text.contains("┌─ Approve P1? ─"))
        #expect(text.contains("│ Amount    $1,500.00"))
        #expect(text.contains("│ Pays      $1,500.00 (standard)"))
    }

    @Test func holdAsksForAReasonAndShowsTheRuleMessage() {
        let text = Screen.render(state(.hold, error: "a hold needs a reason")).text
        #expect(text.contains("┌─ Hold P1 ─"))
        #expect(text.contains("│ Status    pending → held"))
        #expect(text.contains("│ Reason    ▏e.g. missing POD"))
        #expect(text.contains("│ error: a hold needs a reason"))
        #expect(text.contains("│ Enter hold  Esc cancel"))
        let typed = Screen.render(state(.hold, reason: "no POD")).text
        #expect(typed.contains("│ Reason    no POD▏"))
    }

    @Test func totalsPerStatusAndTheStatusFilter() {
        var payments = PaymentsState()
        var held = payout
        held.id = "P2"
        held.status = .held
        held.amountCents = 20_000
        var paid = payout
        paid.id = "P3"
        paid.status = .paid
        let invoices = [
            Invoice(id: "I1", loadId: "L1", shipper: "A", amountCents: 10_000, issuedAt: 0, dueAt: 0, status: .open),
            Invoice(id: "I2", loadId: "L2", shipper: "B", amountCents: 5_000, issuedAt: 0, dueAt: 0, status: .disputed),
            Invoice(id: "I3", loadId: "L3", shipper: "C", amountCents: 7_000, issuedAt: 0, dueAt: 0, status: .paid),
        ]
        Fixtures.fill(&payments, invoices: invoices, payouts: [payout, held, paid])
        #expect(payments.totalsLine == "pending 1 $1,500  held 1 $200  paid 1 $1,500")
        #expect(payments.count == 3)
        payments.cycleStatusFilter()
        #expect(payments.statusFilter == .pending)
        #expect(payments.count == 1, "the count is of the status filtered")
        payments.cycleStatusFilter()
        payments.cycleStatusFilter()
        #expect(payments.statusFilter == .held)
        Fixtures.fill(&payments, invoices: invoices, payouts: [payout, held, paid])
        #expect(payments.selectedPayout?.id == "P2")
        #expect(payments.totalsLine.hasPrefix("pending 1"), "totals count every payout, filtered or not")
        payments.tab = .invoices
        #expect(payments.totalsLine == "open 2 invoices $150")
        #expect(payments.selectedPayout == nil)

        var screen = Fixtures.boardState()
        screen.pane = .payments
        payments.tab = .payouts
        screen.payments = payments
        #expect(Screen.render(screen).trimmedLines[1] == "[Payouts]  Invoices    1 payouts (held)   t switches")
    }

    @Test func helpListsThePayoutKeys() {
        var s = Fixtures.boardState()
        s.pane = .payments
        s.dialog = .help
        let text = Screen.render(s).text
        for help in ["approve payout", "hold (asks a reason)", "QuickPay (shows fee)", "filter by status"] {
            #expect(text.contains(help), "\(help) missing from help")
        }
        #expect(KeyMap.action(for: .char("A"), pane: .payments, role: .accounting) == .approvePayout)
        #expect(KeyMap.action(for: .char("H"), pane: .payments, role: .accounting) == .holdPayout)
        #expect(KeyMap.action(for: .char("Q"), pane: .payments, role: .dispatcher) == .quickPay)
    }
}
