import Testing
import Domain
import Sync
import Views
@testable import Console

/// The board's workflows in the reducer: radius filter, detail, saved views, loads near a driver.
@Suite("Board workflows in the reducer")
struct BoardWorkflowTests {
    func app() -> AppState {
        var app = AppState(screen: ScreenState(width: 100, height: 30, now: 1_795_000_000,
                                               session: SessionInfo(user: "dispatch", role: .dispatcher, driverId: nil,
                                                                    server: "http://127.0.0.1:1")))
        _ = app.start()
        let row = LoadSummary(id: "L-7", reference: "R7", status: .posted, originCity: "Dallas", originState: "TX",
                              destCity: "Memphis", destState: "TN", pickupAt: 1_795_000_000, equipment: "V", fullLoad: true,
                              weightLbs: 20_000, lengthFt: 53, miles: 450, rateCents: 100_000, ratePerMileCents: 222,
                              postedAt: 1_794_000_000, driverId: nil, pending: false)
        _ = app.reduce(.boardPage(generation: app.boardGeneration, anchor: .first, rows: [row], limit: 100))
        return app
    }

    func type(_ text: String, into app: inout AppState) {
        for c in text { _ = app.reduce(.key(.char(c))) }
    }

    @Test func aCityRadiusIsLookedUpBeforeTheFormCloses() {
        var app = app()
        _ = app.reduce(.key(.char("/")))
        _ = app.reduce(.key(.tab))
        _ = app.reduce(.key(.tab))
        type("Dalas, TX 150", into: &app)
        let effects = app.reduce(.key(.enter))
        guard case .resolveFilter(let query) = effects.first else { Issue.record("no lookup: \(effects)"); return }
        #expect(query.origin == PlaceFilter(city: "Dalas", state: "TX", miles: 150))
        guard case .filter = app.screen.dialog else { Issue.record("the form closed before the lookup"); return }

        // Not found: the error sits under Origin with the text kept.
        _ = app.reduce(.filterResolved(.failure(BoardInputError("no loads start or end in Dalas, TX", field: "origin"))))
        guard case .filter(let form) = app.screen.dialog else { Issue.record("form lost"); return }
        #expect(form.focused == 2)
        #expect(form.fields[2].value == "Dalas, TX 150")
        #expect(form.fields[2].error == "no loads start or end in Dalas, TX")

        // Found: applied, the board reloads with the centre.
        var resolved = query
        resolved.origin?.center = GeoPoint(lat: 32.78, lon: -96.8)
        let applied = app.reduce(.filterResolved(.success(resolved)))
        #expect(app.screen.dialog == nil)
        #expect(app.screen.board.query.origin?.center != nil)
        #expect(applied.contains { if case .fetchBoard = $0 { true } else { false } })
    }

    @Test func enterOpensTheDetailAndItAssignsFromThere() {
        var app = app()
        let effects = app.reduce(.key(.enter))
        #expect(effects == [.fetchDetail(loadId: "L-7")])
        let driver = Driver(id: "D-1", name: "Ana", carrierId: "C-1", equipment: "V", homeCity: "Dallas", homeState: "TX",
                            lat: 32.8, lon: -96.8, positionAt: 0,
                            hos: HOSClocks(driveMinutes: 600, shiftMinutes: 700, cycleMinutes: 3_000, breakMinutes: 400, asOf: 0),
                            available: true, phone: "")
        let load = Load(id: "L-7", reference: "R7", shipper: "S", stops: [], equipment: "V", fullLoad: true, weightLbs: 1,
                        lengthFt: 53, commodity: "c", hazmat: false, miles: 450, rateCents: 100_000, rateKind: .flat, postedAt: 0)
        let match = DriverMatch(driver: driver, carrierName: "C", verdict: .ok, deadheadMiles: 3, equipmentMatches: true)
        _ = app.reduce(.detail(loadId: "L-7", LoadDetail(load: load, bestDrivers: [match])))
        guard case .loadDetail(let state) = app.screen.dialog else { Issue.record("no detail"); return }
        #expect(state.detail?.bestDrivers.count == 1)
        _ = app.reduce(.key(.char("j")))
        let assign = app.reduce(.key(.char("a")))
        guard case .assign(let dialog) = app.screen.dialog else { Issue.record("no assign dialog"); return }
        #expect(dialog.candidates.map(\.driver.id) == ["D-1"], "the best drivers show at once")
        #expect(assign == [.fetchCandidates(loadId: "L-7", maxDeadheadMiles: 250)])
        let mutate = app.reduce(.key(.enter))
        #expect(mutate == [.mutate(.assignLoad(.init(loadId: "L-7", driverId: "D-1")))])

        // A detail for a load that left the mirror closes with a message.
        _ = app.reduce(.key(.enter))
        _ = app.reduce(.detail(loadId: "L-7", nil))
        #expect(app.screen.dialog == nil)
        #expect(app.screen.flash?.text.contains("no longer") == true)
    }

    @Test func savedViewsAreSavedCycledAndDeleted() {
        var app = app()
        app.screen.board.query = BoardQuery(status: .posted, equipment: ["R"])
        var effects = app.runCommand("view save reefers")
        #expect(effects == [.saveViews([SavedView(name: "reefers", query: BoardQuery(status: .posted, equipment: ["R"]))])])
        app.screen.board.query = BoardQuery(origin: PlaceFilter(state: "TX"))
        _ = app.runCommand("view save texas")
        _ = app.runCommand("view save bad/name")
        #expect(app.screen.flash?.kind == .error)
        #expect(app.screen.board.savedViews.map(\.name) == ["reefers", "texas"])

        effects = app.reduce(.key(.char("v")))
        #expect(app.screen.board.query.equipment == ["R"])
        #expect(app.screen.board.viewName == "reefers")
        #expect(effects.contains { if case .fetchBoard = $0 { true } else { false } })
        _ = app.reduce(.key(.char("v")))
        #expect(app.screen.board.viewName == "texas")
        _ = app.reduce(.key(.char("F")))
        #expect(app.screen.board.viewName == nil, "a changed query is no longer the view")
        effects = app.runCommand("view delete reefers")
        #expect(effects == [.saveViews([SavedView(name: "texas", query: BoardQuery(origin: PlaceFilter(state: "TX")))])])
    }

    @Test func bestLoadsNearADriver() {
        var app = app()
        #expect(app.runCommand("near 45 2000").isEmpty)
        #expect(app.screen.flash?.kind == .error)
        #expect(app.runCommand("near d-45 100") == [.findDriver(driverId: "D-45", miles: 100)])
        let driver = Driver(id: "D-45", name: "Ana", carrierId: "C-1", equipment: "R", homeCity: "Dallas", homeState: "TX",
                            lat: 35.0, lon: -97.0, positionAt: 0,
                            hos: HOSClocks(driveMinutes: 600, shiftMinutes: 700, cycleMinutes: 3_000, breakMinutes: 400, asOf: 0),
                            available: true, phone: "")
        _ = app.reduce(.nearDriver(driverId: "D-45", driver, miles: 100))
        let query = app.screen.board.query
        #expect(query.status == .posted && query.equipment == ["R"] && query.sort == .ratePerMile && query.descending)
        #expect(query.origin?.center == GeoPoint(lat: 35.0, lon: -97.0))
        #expect(query.origin?.miles == 100)
        _ = app.reduce(.nearDriver(driverId: "D-9", nil, miles: 100))
        #expect(app.screen.flash?.text == "no driver D-9 in your mirror")
    }

    @Test func theMapFollowsADriverAsItMoves() {
        var app = app()
        _ = app.runCommand("follow d-3")
        #expect(app.screen.pane == .map)
        _ = app.reduce(.map(pins: [MapPin(kind: .driver, lat: 40, lon: -100, label: "D-3")], driverCount: 1))
        #expect(abs((app.screen.map.minLat + app.screen.map.maxLat) / 2 - 40) < 0.001)
        _ = app.reduce(.map(pins: [MapPin(kind: .driver, lat: 41, lon: -99, label: "D-3")], driverCount: 1))
        #expect(abs((app.screen.map.minLon + app.screen.map.maxLon) / 2 + 99) < 0.001)
        _ = app.reduce(.key(.char("l")))
        #expect(app.screen.map.follow == nil, "panning by hand stops following")
    }
}
