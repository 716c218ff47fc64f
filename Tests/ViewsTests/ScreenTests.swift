import Domain
import Testing
@testable import Views
import Foundation

@Suite("Screen chrome: tab bar, status bar, message line, too small")
struct ScreenTests {
    @Test func frameHasTheStateSize() {
        let buffer = Screen.render(Fixtures.boardState(width: 200, height: 50))
        #expect(buffer.width == 200 && buffer.height == 50)
        #expect(buffer.lines().allSatisfy { DisplayWidth.of($0) == 200 })
    }

    @Test func tabBarNumbersPanesAndHighlightsTheActiveOneWithoutColour() throws {
        var state = Fixtures.boardState()
        state.pane = .payments
        let buffer = Screen.render(state)
        let top = buffer.trimmedLines[0]
        #expect(top.hasPrefix(" dispatch "))
        #expect(top.contains("1 Loads  2 Map  3 Carriers  4 Payments  5 Outbox"))
        guard let range = buffer.line(0).range(of: "4 Payments") else {
            Issue.record("no Payments tab")
            return
        }
        let column = buffer.line(0).distance(from: buffer.line(0).startIndex, to: range.lowerBound)
        #expect(buffer[column, 0].style.reverse && buffer[column, 0].style.bold)
        let loads = try #require(buffer.line(0).range(of: "1 Loads"))
        #expect(!buffer[buffer.line(0).distance(from: buffer.line(0).startIndex, to: loads.lowerBound), 0].style.reverse)
    }

    @Test func statusBarSaysOnlinePendingAgeAndRole() {
        let buffer = Screen.render(Fixtures.boardState())
        #expect(buffer.trimmedLines[23] == " ● online  pending 2  synced 3s ago  dispatcher ann")
    }

    @Test func statusBarOfflineWithConflictsProgressAndNeverSynced() {
        var state = Fixtures.boardState()
        state.sync = SyncIndicator()
        state.sync.conflicts = 1
        state.sync.progress = .init(done: 45_000, total: 100_000)
        state.asciiOnly = true
        let line = Screen.render(state).trimmedLines[23]
        #expect(line.hasPrefix(" o offline  pending 0  conflicts 1  syncing 45,000/100,000 rows"))
        #expect(!line.contains("synced 3s"))
        var wide = state
        wide.width = 120
        #expect(Screen.render(wide).trimmedLines[23].contains("never synced"))
        wide.sync.progress = .init(done: 45_000, total: 100_000, secondsLeft: 4)
        #expect(Screen.render(wide).trimmedLines[23].contains("syncing 45,000/100,000 rows, 4s left"))
    }

    @Test func messageLineShowsErrorsCommandLineOrHints() {
        var state = Fixtures.boardState()
        #expect(Screen.render(state).trimmedLines[22] == "/ filter  a assign  s sort  ? help")
        state.flash = Flash(.error, "driver D9 is not available")
        let buffer = Screen.render(state)
        #expect(buffer.trimmedLines[22] == "error: driver D9 is not available")
        #expect(buffer[0, 22].style.role == .error)
        state.commandLine = "assign L1 D2"
        #expect(Screen.render(state).trimmedLines[22] == ":assign L1 D2▏")
    }

    @Test func tooSmallSaysSoAndNamesTheMinimum() {
        let buffer = Screen.render(Fixtures.boardState(width: 70, height: 20))
        let text = buffer.text
        #expect(text.contains("Terminal too small: 70x20"))
        #expect(text.contains("80x24"))
        #expect(!text.contains("dispatch  "))
        #expect(!text.contains("L1000"))
        // 80x23 is still too small; 80x24 is not.
        #expect(Screen.render(Fixtures.boardState(width: 80, height: 23)).text.contains("too small"))
        #expect(!Screen.render(Fixtures.boardState(width: 80, height: 24)).text.contains("too small"))
    }

    @Test func driverModeMinimumIs40x20() {
        var state = Fixtures.state(width: 39, height: 20, role: .driver)
        #expect(Screen.render(state).text.contains("needs at least 40x20"))
        state.width = 40
        #expect(!Screen.render(state).text.contains("too small"))
    }

    @Test func visibleRowsMatchTheLayout() {
        #expect(Screen.boardVisibleRows(height: 24) == 19)
        #expect(Screen.listVisibleRows(height: 24) == 19)
        var payments = Fixtures.state(width: 80, height: 24)
        payments.pane = .payments
        #expect(Screen.visibleRows(payments) == 14)
        let buffer = Screen.render(Fixtures.boardState())
        // Rows L1000…L1018 are on screen, L1019 is not.
        #expect(buffer.text.contains("L1018"))
        #expect(!buffer.text.contains("L1019"))
    }
}
