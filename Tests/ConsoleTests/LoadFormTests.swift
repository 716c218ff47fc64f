import Testing
import Domain
import Sync
import Views
@testable import Console

@Suite("Posting, editing and cancelling loads from the board")
struct LoadFormTests {
    let now: Int64 = 1_795_000_000

    func app(role: Role = .dispatcher) -> AppState {
        var app = AppState(screen: ScreenState(width: 100, height: 30, now: now,
                                               session: SessionInfo(user: "dispatch", role: role, driverId: role == .driver ? "D-1" : nil,
                                                                    server: "http://127.0.0.1:1")))
        _ = app.start()
        return app
    }

    func type(_ text: String, into app: inout AppState) {
        for c in text { _ = app.reduce(.key(.char(c))) }
    }

    func form(_ app: AppState) -> LoadFormState? {
        if case .loadForm(let state) = app.screen.dialog { return state }
        return nil
    }

    /// Moves to field `index` and replaces its text.
    func fill(_ index: Int, _ text: String, in app: inout AppState) {
        while form(app)?.form.focused != index { _ = app.reduce(.key(.down)) }
        while !(form(app)?.form.fields[index].value.isEmpty ?? true) { _ = app.reduce(.key(.backspace)) }
        type(text, into: &app)
    }

    @Test func theFormSaysWhatIsWrongBesideEachFieldAndKeepsWhatWasTyped() throws {
        var app = app()
        _ = app.reduce(.key(.char("n")))
        #expect(form(app)?.form.title == "Post a load")
        fill(0, "Lone Star Paper", in: &app)
        fill(4, "-40", in: &app)
        fill(11, "Atlantis", in: &app)
        #expect(app.reduce(.key(.enter)).isEmpty, "nothing is posted")
        let shown = try #require(form(app))
        #expect(shown.form.fields[0].value == "Lone Star Paper" && shown.form.fields[0].error == nil)
        #expect(shown.form.fields[1].error == "is required", "reference")
        #expect(shown.form.fields[4].value == "-40")
        #expect(shown.form.fields[4].error == "must be between 1 and 150,000 lbs")
        #expect(shown.form.fields[11].error?.hasPrefix("unknown city 'Atlantis'") == true)
        #expect(shown.form.focused == 1, "the first bad field")
    }

    @Test func aCompleteFormPostsTheLoadAndTabCompletesCities() throws {
        var app = app()
        _ = app.reduce(.key(.char("n")))
        let id: String
        guard case .post(let loadId) = try #require(form(app)).purpose else { Issue.record("not a post form"); return }
        id = loadId
        for (index, text) in [(0, "Lone Star Paper"), (1, "PO-7781"), (2, "paper rolls"), (3, "v"), (4, "42,000"),
                              (8, "2.75"), (9, "mile")] {
            fill(index, text, in: &app)
        }
        fill(11, "kansas ci", in: &app)
        _ = app.reduce(.key(.tab))
        #expect(form(app)?.form.fields[11].value == "Kansas City, MO", "the busiest Kansas City")
        #expect(form(app)?.form.focused == 11, "completing does not move on")
        _ = app.reduce(.key(.tab))
        #expect(form(app)?.form.focused == 12, "a resolved city: Tab moves on")
        type("12/04 08:00-10:00", into: &app)
        fill(15, "memphis", in: &app)
        _ = app.reduce(.key(.tab))
        #expect(form(app)?.form.fields[15].value == "Memphis, TN" && form(app)?.form.focused == 15, "written as the board writes it")
        fill(16, "12/05 07:00-11:00", in: &app)
        // A third stop, between them.
        while form(app)?.form.focused != 11 { _ = app.reduce(.key(.up)) }
        _ = app.reduce(.key(.ctrl("a")))
        #expect(form(app)?.stopCount == 3)
        let effects = app.reduce(.key(.enter))
        #expect(form(app)?.form.fields[15].error?.hasPrefix("unknown city") == true || form(app)?.form.fields[15].error == "a city is required",
                "the new stop's city is empty")
        #expect(effects.isEmpty)
        _ = app.reduce(.key(.ctrl("d")))
        #expect(form(app)?.stopCount == 2)
        let posted = app.reduce(.key(.enter))
        guard case .mutate(.postLoad(let post)) = posted.first else { Issue.record("no post: \(posted)"); return }
        #expect(post.loadId == id)
        #expect(post.terms.stops.map(\.city) == ["Kansas City, MO", "Memphis, TN"])
        #expect(post.terms.rateKind == .perMile && post.terms.rateCents == 275 && post.terms.weightLbs == 42_000)
        #expect(app.screen.dialog == nil)
    }

    @Test func editOpensOnTheLoadAsItIsAndRefusesWhatItsStatusForbids() throws {
        var app = app()
        let store = MemoryLoads.assigned(now: now)
        _ = app.reduce(.loadToEdit(loadId: store.id, store))
        let state = try #require(form(app))
        #expect(state.form.title == "Edit L-1 (assigned)")
        #expect(state.form.fields[8].value == "1200.00" && state.form.fields[9].value == "flat")
        fill(3, "R", in: &app)
        #expect(app.reduce(.key(.enter)).isEmpty)
        #expect(app.screen.flash?.text == "L-1 is assigned: its equipment can no longer change (unassign it first)")
        fill(3, "V", in: &app)
        fill(8, "1350", in: &app)
        let effects = app.reduce(.key(.enter))
        guard case .mutate(.editLoad(let edit)) = effects.first else { Issue.record("no edit: \(effects)"); return }
        #expect(edit.seenVersion == store.version && edit.terms.rateCents == 135_000)
    }

    @Test func cancelNamesTheLoadAndNeedsAReasonForOther() throws {
        var app = app()
        let row = LoadSummary(MemoryLoads.assigned(now: now), pending: false)
        _ = app.openCancel(row)
        guard case .cancelLoad(let cancel) = app.screen.dialog else { Issue.record("no dialog"); return }
        #expect(cancel.about == "PO1, Dallas, TX → Memphis, TN, assigned to D-1")
        for _ in 0..<10 { _ = app.reduce(.key(.down)) }
        #expect(app.reduce(.key(.enter)).isEmpty, "other needs a note")
        guard case .cancelLoad(let refused) = app.screen.dialog else { Issue.record("closed"); return }
        #expect(refused.error == "say why when the reason is 'other'" && refused.focus == 1)
        type("consignee went bust", into: &app)
        let effects = app.reduce(.key(.enter))
        guard case .mutate(.cancelLoad(let sent)) = effects.first else { Issue.record("no cancel: \(effects)"); return }
        #expect(sent.reason == .other && sent.note == "consignee went bust" && sent.loadId == "L-1")
    }

    @Test func onlyADispatcherPostsLoads() {
        var app = app(role: .accounting)
        _ = app.openNewLoad()
        #expect(app.screen.dialog == nil)
        #expect(app.screen.flash?.text == "only a dispatcher can post loads")
    }
}

enum MemoryLoads {
    static func assigned(now: Int64) -> Load {
        Load(id: "L-1", reference: "PO1", shipper: "Acme", stops: [
            Stop(kind: .pickup, city: "Dallas", state: "TX", zip: "75201", lat: 32.78, lon: -96.80,
                 windowStart: now + 3_600, windowEnd: now + 7_200),
            Stop(kind: .delivery, city: "Memphis", state: "TN", zip: "38103", lat: 35.15, lon: -90.05,
                 windowStart: now + 40_000, windowEnd: now + 50_000),
        ], equipment: "V", fullLoad: true, weightLbs: 30_000, lengthFt: 53, commodity: "paper", hazmat: false,
             miles: 452, rateCents: 120_000, rateKind: .flat, postedAt: now - 600, carrierId: "C-1", driverId: "D-1",
             status: .assigned, version: 4)
    }
}

@Suite("Adding a carrier from the Carriers pane")
struct CarrierFormTests {
    @Test func nOnCarriersAsksForADotOrMcNumberAndNamesOneOnFile() {
        var app = AppState(screen: ScreenState(width: 100, height: 30, now: 1_795_000_000,
                                               session: SessionInfo(user: "dispatch", role: .dispatcher, driverId: nil,
                                                                    server: "http://127.0.0.1:1")))
        _ = app.start()
        app.screen.pane = .verification
        app.screen.verification.all = [Carrier(id: "C-1", name: "Known Freight", dotNumber: "1234567", mcNumber: "7654",
                                               allowedToOperate: true, statusCode: "A", oosDate: nil, safetyRating: "",
                                               bipdOnFile: 750, bipdRequired: 750, cargoOnFile: 0, cargoRequired: 0,
                                               insuranceExpiresAt: 1_900_000_000, authorityGrantedAt: 1_500_000_000,
                                               powerUnits: 3, verdict: .ok, verdictReason: "ok", checkedAt: 1)]
        _ = app.reduce(.key(.char("n")))
        guard case .carrierForm = app.screen.dialog else { Issue.record("no form: \(String(describing: app.screen.dialog))"); return }
        #expect(app.reduce(.key(.enter)).isEmpty)
        guard case .carrierForm(let empty) = app.screen.dialog else { Issue.record("closed"); return }
        #expect(empty.fields[0].error == "a DOT or an MC number is required")
        for c in "USDOT 1234567" { _ = app.reduce(.key(.char(c))) }
        #expect(app.reduce(.key(.enter)).isEmpty)
        guard case .carrierForm(let known) = app.screen.dialog else { Issue.record("closed"); return }
        #expect(known.fields[0].error == "already on file: C-1 Known Freight" && known.fields[0].value == "USDOT 1234567")
        for _ in 0..<7 { _ = app.reduce(.key(.backspace)) }
        for c in "9999999" { _ = app.reduce(.key(.char(c))) }
        let effects = app.reduce(.key(.enter))
        guard case .mutate(.addCarrier(let add)) = effects.first else { Issue.record("no add: \(effects)"); return }
        #expect(add.dotNumber == "9999999" && add.mcNumber == nil && app.screen.dialog == nil)
    }
}
