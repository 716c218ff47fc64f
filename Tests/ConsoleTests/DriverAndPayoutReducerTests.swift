import Testing
import Domain
import Sync
import Views
@testable import Console

@Suite("Driver confirmations and payout actions in the reducer")
struct DriverAndPayoutReducerTests {
    static let now: Int64 = 1_795_000_000

    func driverApp(status: LoadStatus, fix: ReportPlace.Fix? = nil) -> AppState {
        var app = AppState(screen: ScreenState(width: 40, height: 20, now: Self.now,
                                               session: SessionInfo(user: "d-1", role: .driver, driverId: "D-1",
                                                                    server: "http://127.0.0.1:1")))
        let load = Load(id: "L-1", reference: "R1", shipper: "Acme", stops: [
            Stop(kind: .pickup, city: "Dallas", state: "TX", zip: "75201", lat: 32.78, lon: -96.8,
                 windowStart: Self.now, windowEnd: Self.now + 3_600),
            Stop(kind: .delivery, city: "Memphis", state: "TN", zip: "38103", lat: 35.15, lon: -90.05,
                 windowStart: Self.now + 40_000, windowEnd: Self.now + 50_000),
        ], equipment: "V", fullLoad: true, weightLbs: 1, lengthFt: 53, commodity: "paper", hazmat: false, miles: 452,
                        rateCents: 100_000, rateKind: .flat, postedAt: 0, driverId: "D-1", status: status)
        _ = app.reduce(.driverLoads(loads: [load], pending: [], events: [:], position: fix))
        return app
    }

    func recorded(_ effects: [Effect]) -> Mutation.RecordStatus? {
        guard effects.count == 1, case .mutate(.recordStatus(let record)) = effects[0] else { return nil }
        return record
    }

    @Test func cShowsWhatWillBeRecordedAndEnterRecordsIt() throws {
        var app = driverApp(status: .arrivedPickup)
        #expect(app.reduce(.key(.char("c"))).isEmpty, "nothing is sent before the driver confirms")
        guard case .statusConfirm(let confirm) = app.screen.dialog else { Issue.record("no confirmation"); return }
        #expect(confirm.code == .loaded)
        #expect(confirm.place?.source == .stop(place: "Dallas, TX"))
        let record = try #require(recorded(app.reduce(.key(.enter))))
        #expect(record.code == .loaded && record.loadId == "L-1" && record.at == Self.now)
        #expect(record.lat == 32.78 && record.lon == -96.8)
        #expect(record.podSigner == nil)
        #expect(app.screen.dialog == nil)
    }

    @Test func escCancelsAndAFreshFixIsThePlace() throws {
        var app = driverApp(status: .assigned, fix: .init(lat: 33.0, lon: -97.0, at: Self.now - 120))
        _ = app.reduce(.key(.char("c")))
        #expect(app.reduce(.key(.escape)).isEmpty)
        #expect(app.screen.dialog == nil)
        _ = app.reduce(.key(.char("c")))
        let record = try #require(recorded(app.reduce(.key(.enter))))
        #expect(record.code == .arrivedPickup)
        #expect(record.lat == 33.0 && record.lon == -97.0)
    }

    @Test func aDeliveryNeedsTheSignerAndKeepsWhatWasTyped() throws {
        var app = driverApp(status: .arrivedDelivery, fix: .init(lat: 1, lon: 1, at: Self.now - 3_600))
        _ = app.reduce(.key(.char("c")))
        #expect(app.reduce(.key(.enter)).isEmpty, "no signer, nothing sent")
        guard case .statusConfirm(let refused) = app.screen.dialog else { Issue.record("dialog closed"); return }
        #expect(refused.error == "the signer's name is required for proof of delivery")
        #expect(refused.place?.source == .stop(place: "Memphis, TN"), "a stale fix is not used")
        for c in " Jane Q" { _ = app.reduce(.key(.char(c))) }
        _ = app.reduce(.key(.backspace))
        _ = app.reduce(.key(.backspace))
        guard case .statusConfirm(let typing) = app.screen.dialog else { Issue.record("dialog closed"); return }
        #expect(typing.error == nil && typing.signer == " Jane")
        let record = try #require(recorded(app.reduce(.key(.enter))))
        #expect(record.code == .delivered && record.podSigner == "Jane")
        #expect(record.lat == 35.15)
    }

    func paymentsApp(_ payouts: [Payout], verdict: Verdict = .ok) -> AppState {
        var app = AppState(screen: ScreenState(width: 100, height: 30, now: Self.now,
                                               session: SessionInfo(user: "accounting", role: .accounting, driverId: nil,
                                                                    server: "http://127.0.0.1:1")))
        let opened = app.reduce(.key(.char("3")))
        #expect(app.screen.pane == .payments)
        let carrier = Carrier(id: "C-1", name: "Swift Haul LLC", dotNumber: "1", mcNumber: "2", allowedToOperate: true,
                              statusCode: "A", oosDate: nil, safetyRating: "Satisfactory", bipdOnFile: 1_000,
                              bipdRequired: 750, cargoOnFile: 100, cargoRequired: 100, insuranceExpiresAt: Self.now + 1,
                              authorityGrantedAt: 0, powerUnits: 3, verdict: verdict,
                              verdictReason: verdict == .doNotUse ? "out of service" : "ok", checkedAt: Self.now)
        _ = app.reduce(.payments(carriers: [carrier], aging: [0, 0, 0, 0], totals: PaymentSums()))
        guard let request = payoutsRequest(opened, status: nil) else { Issue.record("no page asked for: \(opened)"); return app }
        _ = app.reduce(.payoutsPage(payouts, request))
        return app
    }

    /// The payouts page `effects` ask for, under `status`.
    func payoutsRequest(_ effects: [Effect], status: Payout.Status?) -> WindowRequest<Payout>? {
        for case .fetchPayouts(let asked, let request) in effects where asked == status { return request }
        return nil
    }

    func payout(_ status: Payout.Status, method: Payout.Method = .standard) -> Payout {
        Payout(id: "P-1", loadId: "L-1", carrierId: "C-1", amountCents: 150_000, method: method, feeCents: 0,
               status: status, dueAt: Self.now, version: 4)
    }

    @Test func anInvalidActionShowsTheRuleAndSendsNothing() {
        var app = paymentsApp([payout(.paid)])
        #expect(app.reduce(.key(.char("A"))).isEmpty)
        #expect(app.screen.dialog == nil)
        #expect(app.screen.flash == Flash(.error, "P-1 is paid; only pending or held payouts can be approved"))
        var quick = paymentsApp([payout(.pending, method: .quickPay)])
        #expect(quick.reduce(.key(.char("Q"))).isEmpty)
        #expect(quick.screen.flash == Flash(.error, "P-1 is already QuickPay"))
        var banned = paymentsApp([payout(.pending)], verdict: .doNotUse)
        _ = banned.reduce(.key(.char("A")))
        #expect(banned.screen.flash?.text == "carrier Swift Haul LLC is do-not-use: out of service")
    }

    @Test func approveAndQuickPayConfirmThenQueueWhatWasSeen() {
        var app = paymentsApp([payout(.pending)])
        _ = app.reduce(.key(.char("A")))
        guard case .payoutAction(let action) = app.screen.dialog else { Issue.record("no dialog"); return }
        #expect(action.payeeName == "Swift Haul LLC" && action.verb == .approve)
        let effects = app.reduce(.key(.char("y")))
        guard case .mutate(.approvePayout(let args)) = effects.first else { Issue.record("not queued: \(effects)"); return }
        #expect(args.payoutId == "P-1" && args.seenVersion == 4 && args.seenAmountCents == 150_000 && args.seenVerdict == .ok)
        #expect(!args.key.isEmpty)

        _ = app.reduce(.key(.char("Q")))
        guard case .payoutAction(let quick) = app.screen.dialog else { Issue.record("no dialog"); return }
        #expect(quick.quickPayFeeCents == 4_500 && quick.quickPayNetCents == 145_500)
        #expect(app.reduce(.key(.char("n"))).isEmpty)
        #expect(app.screen.dialog == nil)
        _ = app.reduce(.key(.char("Q")))
        guard case .mutate(.requestQuickPay) = app.reduce(.key(.enter)).first else { Issue.record("not queued"); return }
    }

    @Test func aHoldNeedsAReason() {
        var app = paymentsApp([payout(.approved)])
        _ = app.reduce(.key(.char("H")))
        #expect(app.reduce(.key(.enter)).isEmpty)
        guard case .payoutAction(let refused) = app.screen.dialog else { Issue.record("dialog closed"); return }
        #expect(refused.error == "a hold needs a reason")
        for c in "no POD" { _ = app.reduce(.key(.char(c))) }
        let effects = app.reduce(.key(.enter))
        guard case .mutate(.holdPayout(let args)) = effects.first else { Issue.record("not queued: \(effects)"); return }
        #expect(args.reason == "no POD")
    }

    @Test func theStatusFilterNarrowsThePayouts() {
        var held = payout(.held)
        held.id = "P-2"
        var app = paymentsApp([payout(.pending), held])
        // The mirror filters: each press asks for the first page of the new status.
        guard let pending = payoutsRequest(app.reduce(.key(.char("s"))), status: .pending) else {
            Issue.record("no pending page asked for"); return
        }
        #expect(pending.anchor == .first)
        _ = app.reduce(.payoutsPage([payout(.pending)], pending))
        #expect(app.screen.payments.payouts.rows.map(\.id) == ["P-1"])
        _ = app.reduce(.key(.char("s")))
        guard let heldPage = payoutsRequest(app.reduce(.key(.char("s"))), status: .held) else {
            Issue.record("no held page asked for"); return
        }
        // A page of an earlier filter arriving late is dropped.
        _ = app.reduce(.payoutsPage([payout(.pending)], pending))
        #expect(app.screen.payments.payouts.rows.map(\.id) == ["P-1"])
        _ = app.reduce(.payoutsPage([held], heldPage))
        #expect(app.screen.payments.payouts.rows.map(\.id) == ["P-2"])
        #expect(app.screen.flash?.text == "showing held payouts")
    }
}
