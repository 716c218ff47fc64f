import Testing
import Domain
import Sync
import Views
@testable import Console

@Suite("The console's reducer")
struct ReducerTests {
    func state(role: Role = .dispatcher) -> AppState {
        AppState(screen: ScreenState(width: 100, height: 30, now: 1_795_000_000,
                                     session: SessionInfo(user: "dispatch", role: role, driverId: role == .driver ? "D-1" : nil,
                                                          server: "http://127.0.0.1:1")))
    }

    func rows(_ range: ClosedRange<Int>, status: LoadStatus = .posted) -> [LoadSummary] {
        range.map { n in
            LoadSummary(id: "L-\(n)", reference: "R\(n)", status: status, originCity: "Dallas", originState: "TX",
                        destCity: "Memphis", destState: "TN", pickupAt: 1_795_000_000 + Int64(n), equipment: "V",
                        fullLoad: true, weightLbs: 20_000, lengthFt: 53, miles: 450, rateCents: 100_000,
                        ratePerMileCents: 222, postedAt: 1_794_000_000, driverId: nil, pending: false)
        }
    }

    @Test func theBoardPagesWithKeysetAnchorsAndDropsStalePages() {
        var app = state()
        let start = app.start()
        guard case .fetchBoard(_, .first, let limit, let generation) = start.first(where: {
            if case .fetchBoard = $0 { return true } else { return false }
        }) else {
            Issue.record("no first page requested: \(start)")
            return
        }
        _ = app.reduce(.boardPage(generation: generation - 1, anchor: .first, rows: rows(900...999), limit: limit))
        #expect(app.screen.board.rows.isEmpty, "a page of an older query is dropped")
        _ = app.reduce(.boardPage(generation: generation, anchor: .first, rows: rows(1...100), limit: limit))
        #expect(app.screen.board.rows.count == 100)
        #expect(app.screen.board.selectedRow?.id == "L-1")
        // Paging down near the end of the window asks for the page after its last row.
        var effects: [Effect] = []
        for _ in 0..<3 { effects += app.reduce(.key(.pageDown)) }
        #expect(effects.contains(.fetchBoard(BoardQuery(), .after(rows(100...100)[0]), limit: 100, generation: generation)))
        _ = app.reduce(.boardPage(generation: generation, anchor: .after(rows(100...100)[0]), rows: rows(101...150), limit: 100))
        #expect(app.screen.board.rows.count == 150)
        #expect(app.boardAtEnd, "a short page marks the end")
        _ = app.reduce(.key(.end))
        let last = app.reduce(.boardTotals(generation: generation, count: 150, averageRatePerMileCents: 222, position: nil))
        #expect(last.isEmpty)
        #expect(app.screen.board.totalCount == 150)
    }

    /// The count and average read every match; asked beside the page they delayed it, so they
    /// are asked once the page is on screen, once per query.
    @Test func totalsAreAskedAfterTheFirstPageArrives() {
        var app = state()
        let start = app.start()
        let isTotals: (Effect) -> Bool = { if case .fetchTotals = $0 { return true } else { return false } }
        #expect(!start.contains(where: isTotals), "not beside the first page: \(start)")
        guard case .fetchBoard(_, .first, let limit, let generation) = start.first(where: {
            if case .fetchBoard = $0 { return true } else { return false }
        }) else {
            Issue.record("no first page requested: \(start)")
            return
        }
        let arrived = app.reduce(.boardPage(generation: generation, anchor: .first, rows: rows(1...100), limit: limit))
        #expect(arrived.filter(isTotals).count == 1, "\(arrived)")
        let later = app.reduce(.boardPage(generation: generation, anchor: .after(rows(100...100)[0]), rows: rows(101...200), limit: limit))
        #expect(!later.contains(where: isTotals), "once per query")
    }

    /// A sort matches the same loads: its count and average are those on screen, and reading
    /// every match again kept a core busy through the next keys. Other filters, or a change in
    /// the mirror, ask again.
    @Test func aSortKeepsTheTotalsAndAFilterOrAChangeAsksAgain() {
        var app = state()
        let isTotals: (Effect) -> Bool = { if case .fetchTotals = $0 { return true } else { return false } }
        func firstPage(_ effects: [Effect]) -> [Effect] {
            guard case .fetchBoard(_, .first, let limit, let generation) = effects.first(where: {
                if case .fetchBoard = $0 { return true } else { return false }
            }) else {
                Issue.record("no first page requested: \(effects)")
                return []
            }
            let arrived = app.reduce(.boardPage(generation: generation, anchor: .first, rows: rows(1...100), limit: limit))
            if let totals = arrived.first(where: isTotals), case .fetchTotals(_, _, let asked) = totals {
                _ = app.reduce(.boardTotals(generation: asked, count: 100, averageRatePerMileCents: 222, position: nil))
            }
            return arrived
        }
        #expect(firstPage(app.start()).contains(where: isTotals))
        #expect(!firstPage(app.reduce(.key(.char("s")))).contains(where: isTotals), "a sort keeps the totals")
        #expect(app.screen.board.totalCount == 100)
        var narrower = app.screen.board.query
        narrower.equipment = ["R"]
        #expect(firstPage(app.applyFilter(narrower)).contains(where: isTotals),
                "another filter asks again")
        _ = app.reduce(.sync(.mirrorChanged))
        #expect(firstPage(app.reduce(.key(.char("s")))).contains(where: isTotals), "so does a change in the mirror")
    }

    @Test func theFilterFormKeepsBadInputAndSaysWhy() {
        var app = state()
        _ = app.reduce(.key(.char("/")))
        guard case .filter = app.screen.dialog else { Issue.record("no filter form"); return }
        // Search, Status, …, Min $/mile is the eighth field.
        _ = app.reduce(.key(.tab))
        for c in "posted" { _ = app.reduce(.key(.char(c))) }
        for _ in 0..<6 { _ = app.reduce(.key(.tab)) }
        for c in "abc" { _ = app.reduce(.key(.char(c))) }
        let refused = app.reduce(.key(.enter))
        #expect(refused.isEmpty)
        guard case .filter(let form) = app.screen.dialog else { Issue.record("form closed on bad input"); return }
        #expect(form.fields[7].label == "Min $/mile")
        #expect(form.fields[7].value == "abc", "what was typed is kept")
        #expect(form.fields[7].error?.contains("not a number") == true)
        #expect(form.fields[1].value == "posted")
        #expect(form.focused == 7)
        for _ in 0..<3 { _ = app.reduce(.key(.backspace)) }
        for c in "2.5" { _ = app.reduce(.key(.char(c))) }
        let applied = app.reduce(.key(.enter))
        #expect(app.screen.dialog == nil)
        #expect(app.screen.board.query.status == .posted)
        #expect(app.screen.board.query.minRatePerMileCents == 250)
        #expect(applied.contains { if case .fetchBoard(_, .first, _, _) = $0 { true } else { false } })
    }

    @Test func theAssignDialogValidatesItsRadius() {
        var app = state()
        let effects = app.start()
        if case .fetchBoard(_, _, let limit, let generation) = effects.first(where: { if case .fetchBoard = $0 { true } else { false } }) {
            _ = app.reduce(.boardPage(generation: generation, anchor: .first, rows: rows(1...5), limit: limit))
        }
        let open = app.reduce(.key(.char("a")))
        #expect(open == [.fetchCandidates(loadId: "L-1", maxDeadheadMiles: 250)])
        _ = app.reduce(.key(.tab))
        _ = app.reduce(.key(.tab))
        for _ in 0..<3 { _ = app.reduce(.key(.backspace)) }
        for c in "far" { _ = app.reduce(.key(.char(c))) }
        #expect(app.reduce(.key(.enter)).isEmpty)
        guard case .assign(let assign) = app.screen.dialog else { Issue.record("dialog closed"); return }
        #expect(assign.error?.contains("whole number of miles") == true)
        #expect(assign.radiusField == "far")
        // Typing a driver id assigns to it.
        _ = app.reduce(.key(.tab))
        _ = app.reduce(.key(.tab))
        for c in "45" { _ = app.reduce(.key(.char(c))) }
        let assigned = app.reduce(.key(.enter))
        #expect(assigned == [.mutate(.assignLoad(.init(loadId: "L-1", driverId: "D-45")))])
    }

    @Test func theCommandLineRunsCommands() {
        var app = state()
        _ = app.reduce(.key(.char(":")))
        for c in "assign 12 45" { _ = app.reduce(.key(.char(c))) }
        #expect(app.reduce(.key(.enter)) == [.mutate(.assignLoad(.init(loadId: "L-12", driverId: "D-45")))])
        _ = app.reduce(.key(.char(":")))
        for c in "frobnicate" { _ = app.reduce(.key(.char(c))) }
        _ = app.reduce(.key(.enter))
        #expect(app.screen.flash?.kind == .error)
        _ = app.reduce(.key(.char(":")))
        _ = app.reduce(.key(.char("q")))
        _ = app.reduce(.key(.enter))
        #expect(app.quitting)
    }

    @Test func aDriverConfirmsTheNextStatus() {
        var app = state(role: .driver)
        #expect(app.screen.pane == .driverLoads)
        #expect(app.start().contains(.fetchDriverLoads(driverId: "D-1")))
    }

    @Test func syncEventsReachTheStatusBar() {
        var app = state()
        _ = app.reduce(.sync(.connection(online: false, detail: "server unreachable")))
        #expect(!app.screen.sync.online && app.screen.sync.detail == "server unreachable")
        _ = app.reduce(.sync(.progress(done: 500, total: 1_000, secondsLeft: 3)))
        #expect(app.screen.sync.progress == SyncIndicator.Progress(done: 500, total: 1_000, secondsLeft: 3))
        _ = app.reduce(.sync(.synced(at: 5)))
        #expect(app.screen.sync.lastSyncAt == 5 && app.screen.sync.progress == nil)
        let effects = app.reduce(.sync(.rejected(["assign L-1 to D-2: L-1 is assigned, not posted"])))
        #expect(app.screen.flash?.kind == .error)
        #expect(effects.contains(.fetchOutbox))
    }
}

@Suite("Board refresh")
struct BoardRefreshTests {
    @Test func aChangeDuringAPageRequestIsNotLost() {
        var app = AppState(screen: ScreenState(width: 100, height: 30, now: 0,
                                               session: SessionInfo(user: "d", role: .dispatcher, driverId: nil, server: "")))
        let start = app.start()
        guard case .fetchBoard(_, _, let limit, let generation) = start.first(where: {
            if case .fetchBoard = $0 { true } else { false }
        }) else { Issue.record("no page requested"); return }
        // The mirror changes while the first page is still being read.
        let during = app.reduce(.sync(.mirrorChanged))
        #expect(!during.contains { if case .fetchBoard = $0 { true } else { false } })
        let rows = ReducerTests().rows(1...10)
        let after = app.reduce(.boardPage(generation: generation, anchor: .first, rows: rows, limit: limit))
        #expect(after.contains(.fetchBoard(BoardQuery(), .from(rows[0]), limit: 45, generation: generation)) ||
                after.contains { if case .fetchBoard(_, .from, _, _) = $0 { true } else { false } },
                "the change is picked up once the page has arrived")
    }
}
