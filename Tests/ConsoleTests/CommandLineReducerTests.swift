import Testing
import Domain
import Views
@testable import Console

@Suite("The command line, :goto, :theme and the mouse in the reducer")
struct CommandLineReducerTests {
    func state(role: Role = .dispatcher) -> AppState {
        var app = AppState(screen: ScreenState(width: 100, height: 30, now: 1_795_000_000,
                                               session: SessionInfo(user: "dispatch", role: role,
                                                                    driverId: role == .driver ? "D-1" : nil,
                                                                    server: "http://127.0.0.1:1")))
        app.screen.board.rows = ReducerTests().rows(1...40)
        return app
    }

    func carrier(_ n: Int) -> Carrier {
        Carrier(id: "C-\(n)", name: "Carrier \(n)", dotNumber: "1234567", mcNumber: "MC765", allowedToOperate: true,
                statusCode: "A", oosDate: nil, safetyRating: "Satisfactory", bipdOnFile: 1000, bipdRequired: 750,
                cargoOnFile: 100, cargoRequired: 100, insuranceExpiresAt: 1_800_000_000, authorityGrantedAt: 1_700_000_000,
                powerUnits: 12, verdict: .ok, verdictReason: "", checkedAt: 1_795_000_000)
    }

    func type(_ text: String, into app: inout AppState) {
        for c in text { _ = app.reduce(.key(.char(c))) }
    }

    @Test func tabCompletesCommandsAndThemeNamesAndListsCandidates() {
        var app = state()
        _ = app.reduce(.key(.char(":")))
        type("th", into: &app)
        _ = app.reduce(.key(.tab))
        #expect(app.screen.commandLine == "theme ")
        _ = app.reduce(.key(.tab))
        #expect(app.screen.commandCandidates == ["dark", "high-contrast", "light", "monochrome"])
        type("h", into: &app)
        #expect(app.screen.commandCandidates.isEmpty, "typing clears the candidates")
        _ = app.reduce(.key(.tab))
        #expect(app.screen.commandLine == "theme high-contrast ")
        _ = app.reduce(.key(.enter))
        #expect(app.theme.name == "high-contrast")
        #expect(app.screen.commandLine == nil)
        #expect(app.screen.flash == Flash(.info, "theme high-contrast"))
    }

    @Test func tabCompletesGotoPanesSortColumnsAndLoadIds() {
        var app = state()
        #expect(app.complete("goto ca").line == "goto carriers ")
        #expect(app.complete("goto ").candidates.contains("payments"))
        #expect(app.complete("sort rp").line == "sort rpm ")
        #expect(app.complete("open L-3").candidates.contains("L-3"))
        #expect(app.complete("open L-3").candidates.contains("L-30"))
        #expect(app.complete("s").candidates == ["sort", "sync"])
        app = state(role: .driver)
        #expect(!app.complete("goto ").candidates.contains("map"), "a driver has no map pane")
    }

    @Test func upAndDownRecallEarlierCommands() {
        var app = state()
        for command in ["sort rpm", "goto map"] {
            _ = app.reduce(.key(.char(":")))
            type(command, into: &app)
            _ = app.reduce(.key(.enter))
        }
        _ = app.reduce(.key(.char(":")))
        type("the", into: &app)
        _ = app.reduce(.key(.up))
        #expect(app.screen.commandLine == "goto map")
        _ = app.reduce(.key(.up))
        #expect(app.screen.commandLine == "sort rpm")
        _ = app.reduce(.key(.down))
        _ = app.reduce(.key(.down))
        #expect(app.screen.commandLine == "the", "the draft comes back")
        _ = app.reduce(.key(.escape))
        #expect(app.screen.commandLine == nil)
    }

    @Test func gotoSwitchesPanesByNameNumberOrPrefixAndOpensLoads() {
        var app = state()
        _ = app.runCommand("goto map")
        #expect(app.screen.pane == .map)
        _ = app.runCommand("goto 3")
        #expect(app.screen.pane == .verification)
        _ = app.runCommand("goto pay")
        #expect(app.screen.pane == .payments)
        _ = app.runCommand("goto verification")
        #expect(app.screen.pane == .verification)
        _ = app.runCommand("goto board")
        #expect(app.screen.pane == .board)
        let effects = app.runCommand("goto l-12")
        #expect(effects == [.fetchDetail(loadId: "L-12")])
        #expect(app.screen.dialog == .loadDetail(LoadDetailState(loadId: "L-12")))
        app.screen.dialog = nil
        _ = app.runCommand("goto nowhere")
        #expect(app.screen.pane == .board)
        #expect(app.screen.flash?.kind == .error)
        #expect(app.screen.flash?.text.contains("1 board, 2 map, 3 carriers, 4 payments, 5 outbox") == true)
        _ = app.runCommand("goto 9")
        #expect(app.screen.flash?.kind == .error)

        var driver = state(role: .driver)
        _ = driver.runCommand("goto outbox")
        #expect(driver.screen.pane == .outbox)
        _ = driver.runCommand("goto map")
        #expect(driver.screen.flash?.text.contains("no pane 'map'") == true)
        _ = driver.runCommand("goto 1")
        #expect(driver.screen.pane == .driverLoads)
    }

    @Test func themeListsSwitchesAndRefusesUnknownNames() {
        var app = state()
        _ = app.runCommand("theme")
        #expect(app.screen.flash?.text.hasPrefix("themes: dark (in use), high-contrast, light, monochrome") == true)
        _ = app.runCommand("theme light")
        #expect(app.theme.name == "light")
        _ = app.runCommand("theme neon")
        #expect(app.theme.name == "light", "an unknown name changes nothing")
        #expect(app.screen.flash == Flash(.error, "no theme 'neon'; available: dark, high-contrast, light, monochrome"))
        app.colorEnabled = false
        _ = app.runCommand("theme dark")
        #expect(app.theme.name == "dark")
        #expect(app.screen.flash?.text.contains("NO_COLOR") == true)
    }

    @Test func clicksSwitchTabsAndSelectRowsAndTheWheelScrolls() {
        var app = state()
        _ = app.reduce(.key(.mouse(x: 21, y: 0)))
        #expect(app.screen.pane == .map)
        _ = app.reduce(.key(.mouse(x: 12, y: 0)))
        #expect(app.screen.pane == .board)
        _ = app.reduce(.key(.mouse(x: 10, y: 7)))
        #expect(app.screen.board.selected == 4, "line 3 is the first row")
        _ = app.reduce(.key(.scrollDown))
        #expect(app.screen.board.selected == 4 + AppState.wheelStep)
        _ = app.reduce(.key(.scrollUp))
        #expect(app.screen.board.selected == 4)
        _ = app.reduce(.key(.mouse(x: 10, y: 1)))
        #expect(app.screen.board.selected == 4, "the summary line is not a row")
        _ = app.reduce(.key(.mouse(x: 30, y: 0)))
        #expect(app.screen.pane == .verification)
        _ = app.reduce(.carriers((1...30).map(carrier)))
        _ = app.reduce(.key(.mouse(x: 10, y: 9)))
        #expect(app.screen.verification.selected == 6)
        _ = app.reduce(.key(.mouse(x: 10, y: 4)))
        #expect(app.screen.verification.selected == 1)
        _ = app.reduce(.key(.mouse(x: 12, y: 0)))
        _ = app.reduce(.key(.char("?")))
        _ = app.reduce(.key(.mouse(x: 21, y: 0)))
        #expect(app.screen.pane == .board, "a dialog keeps the focus")
    }
}
