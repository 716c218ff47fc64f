import Testing
import Domain
import Views
@testable import Console

/// The verification pane in the reducer: filter form, sort, detail.
@Suite("Verification workflows in the reducer")
struct VerificationWorkflowTests {
    static let now: Int64 = 1_795_000_000

    func carrier(_ id: String, _ name: String, _ verdict: Verdict) -> Carrier {
        Carrier(id: id, name: name, dotNumber: "1\(id)", mcNumber: "MC\(id)", allowedToOperate: true, statusCode: "A",
                oosDate: nil, safetyRating: "Satisfactory", bipdOnFile: 1_000, bipdRequired: 750, cargoOnFile: 100,
                cargoRequired: 100, insuranceExpiresAt: Self.now + 100 * 86_400, authorityGrantedAt: Self.now - 900 * 86_400,
                powerUnits: 3, verdict: verdict, verdictReason: "", checkedAt: Self.now)
    }

    func app() -> AppState {
        var app = AppState(screen: ScreenState(width: 100, height: 30, now: Self.now,
                                               session: SessionInfo(user: "dispatch", role: .dispatcher, driverId: nil,
                                                                    server: "http://127.0.0.1:1")))
        _ = app.start()
        _ = app.reduce(.key(.char("3")))
        _ = app.reduce(.carriers([carrier("C1", "Acme", .ok), carrier("C2", "Blue", .warn), carrier("C3", "Acme West", .doNotUse)]))
        return app
    }

    func type(_ text: String, into app: inout AppState) {
        for c in text { _ = app.reduce(.key(.char(c))) }
    }

    @Test func aBadVerdictStaysInTheFormWithItsErrorThenAFilterApplies() {
        var app = app()
        #expect(app.screen.pane == .verification)
        #expect(app.screen.verification.carriers.map(\.id) == ["C3", "C2", "C1"])
        _ = app.reduce(.key(.char("/")))
        type("acme", into: &app)
        _ = app.reduce(.key(.tab))
        type("maybe", into: &app)
        _ = app.reduce(.key(.enter))
        guard case .carrierFilter(let form) = app.screen.dialog else { Issue.record("form closed"); return }
        #expect(form.focused == 1 && form.fields[1].error?.contains("ok, warn or do-not-use") == true)
        #expect(form.fields[0].value == "acme" && form.fields[1].value == "maybe")
        for _ in 0..<5 { _ = app.reduce(.key(.backspace)) }
        type("ok", into: &app)
        _ = app.reduce(.key(.enter))
        #expect(app.screen.dialog == nil)
        #expect(app.screen.verification.carriers.map(\.id) == ["C1"])
        _ = app.reduce(.key(.char("F")))
        #expect(app.screen.verification.carriers.count == 3)
    }

    @Test func sortCyclesAndEnterOpensTheSelectedCarrier() {
        var app = app()
        _ = app.reduce(.key(.char("s")))
        #expect(app.screen.verification.filter.sort == .name)
        #expect(app.screen.verification.carriers.map(\.id) == ["C1", "C3", "C2"])
        _ = app.reduce(.key(.char("S")))
        #expect(app.screen.verification.carriers.map(\.id) == ["C2", "C3", "C1"])
        _ = app.reduce(.key(.char("j")))
        _ = app.reduce(.key(.enter))
        guard case .carrierDetail(let detail) = app.screen.dialog else { Issue.record("no detail"); return }
        #expect(detail.carrier.id == "C1") // the selection followed C3 through both sorts, then moved down one
        _ = app.reduce(.key(.escape))
        #expect(app.screen.dialog == nil)
    }
}
