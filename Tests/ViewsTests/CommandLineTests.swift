import Testing
import Domain
@testable import Views

@Suite("Command line completion and history")
struct CommandLineTests {
    let commands = ["assign", "unassign", "open", "goto", "sort", "theme", "sync", "quit"]

    func complete(_ line: String) -> CommandCompleter.Completion {
        CommandCompleter.complete(line, commands: commands) { command, position in
            switch (command, position) {
            case ("theme", 1): ["dark", "light", "high-contrast", "monochrome"]
            case ("sort", 1): ["pickup", "rpm", "rate", "miles"]
            default: []
            }
        }
    }

    @Test func aUniquePrefixCompletesTheCommandAndAddsASpace() {
        #expect(complete("th") == .init(line: "theme ", candidates: []))
        #expect(complete("GO") == .init(line: "goto ", candidates: []))
    }

    @Test func anAmbiguousPrefixExtendsToTheCommonPartAndListsTheCandidates() {
        #expect(complete("s") == .init(line: "s", candidates: ["sort", "sync"]))
        #expect(complete("") == .init(line: "", candidates: commands))
        #expect(complete("a").line == "assign ")
    }

    @Test func argumentsCompleteAfterTheCommand() {
        #expect(complete("theme l") == .init(line: "theme light ", candidates: []))
        #expect(complete("theme ") == .init(line: "theme ", candidates: ["dark", "light", "high-contrast", "monochrome"]))
        #expect(complete("sort ra") == .init(line: "sort rate ", candidates: []))
        #expect(complete("sort r") == .init(line: "sort r", candidates: ["rpm", "rate"]))
        #expect(complete("sort  r").line == "sort r", "extra spaces collapse")
    }

    @Test func nothingFitsLeavesTheLineAlone() {
        #expect(complete("xyz") == .init(line: "xyz", candidates: []))
        #expect(complete("assign L-1 ") == .init(line: "assign L-1 ", candidates: []))
        #expect(complete("theme zz") == .init(line: "theme zz", candidates: []))
    }

    @Test func theCommonPrefixIsCaseInsensitive() {
        #expect(CommandCompleter.commonPrefix(["Carriers", "carts"]) == "Car")
        #expect(CommandCompleter.commonPrefix(["high-contrast"]) == "high-contrast")
        #expect(CommandCompleter.commonPrefix([]) == "")
    }

    @Test func historyRecallsOlderAndNewerAndGivesTheDraftBack() {
        var history = CommandHistory()
        #expect(history.older(than: "x") == nil, "nothing recorded yet")
        history.record("sort rpm")
        history.record("theme light")
        history.record("theme light")
        history.record("   ")
        #expect(history.entries == ["sort rpm", "theme light"], "blank lines and immediate repeats are not kept")
        #expect(history.older(than: "goto m") == "theme light")
        #expect(history.older(than: "theme light") == "sort rpm")
        #expect(history.older(than: "sort rpm") == nil, "the oldest stays")
        #expect(history.newer() == "theme light")
        #expect(history.newer() == "goto m", "past the newest: the draft")
        #expect(history.newer() == nil)
    }

    @Test func historyKeepsTheLastHundred() {
        var history = CommandHistory()
        for n in 0 ..< 150 { history.record("open L-\(n)") }
        #expect(history.entries.count == CommandHistory.limit)
        #expect(history.entries.first == "open L-50")
    }

    @Test func candidatesShowAfterTheCommandLine() {
        var state = Fixtures.state(width: 80, height: 24)
        state.commandLine = "s"
        state.commandCandidates = ["sort", "sync"]
        let line = Screen.render(state).line(22)
        #expect(line.hasPrefix(":s"))
        #expect(line.contains("sort  sync"))
    }

    @Test func clicksFindTabsAndBoardRows() {
        var state = Fixtures.boardState(width: 100, height: 30)
        // " dispatch " + space, then " 1 Loads " at columns 11–19, " 2 Map " at 20–26.
        #expect(TabBar.pane(atColumn: 12, state: state) == .board)
        #expect(TabBar.pane(atColumn: 21, state: state) == .map)
        #expect(TabBar.pane(atColumn: 3, state: state) == nil)
        #expect(TabBar.pane(atColumn: 99, state: state) == nil)
        let frame = Screen.render(state)
        let tab = frame.line(0)
        #expect(tab.dropFirst(11).hasPrefix(" 1 Loads "))
        #expect(tab.dropFirst(20).hasPrefix(" 2 Map "))
        // Rows start below the summary and the header: line 3 is rows[top].
        #expect(Screen.boardRow(atLine: 3, state: state) == 0)
        #expect(frame.line(3).contains(state.board.rows[0].id))
        #expect(frame.line(5).contains(state.board.rows[2].id))
        #expect(Screen.boardRow(atLine: 5, state: state) == 2)
        #expect(Screen.boardRow(atLine: 2, state: state) == nil, "the header")
        #expect(Screen.boardRow(atLine: 28, state: state) == nil, "the message line")
        state.board.selected = 40
        let top = Table.top(selected: 40, top: state.board.top, visible: Screen.boardVisibleRows(height: 30), count: 50)
        #expect(Screen.boardRow(atLine: 3, state: state) == top)
        #expect(Screen.render(state).line(3).contains(state.board.rows[top].id))
    }
}
