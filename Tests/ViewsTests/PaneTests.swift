import Domain
import Testing
@testable import Views

@Suite("Map, carriers, payments and outbox panes")
struct PaneTests {
    func mapState() -> ScreenState {
        var s = Fixtures.boardState()
        s.pane = .map
        s.map.pins = [
            MapPin(kind: .driver, lat: 32.8, lon: -96.8, label: "D1"),
            MapPin(kind: .driver, lat: 32.8, lon: -96.8, label: "D2"),
            MapPin(kind: .driver, lat: 41.9, lon: -87.6, label: "D3"),
            MapPin(kind: .pickup, lat: 33.7, lon: -84.4, label: "L1001"),
            MapPin(kind: .delivery, lat: 39.5, lon: -119.8, label: "L1001"),
        ] + (0 ..< 12).map { MapPin(kind: .driver, lat: 45.0, lon: -100.0, label: "X\($0)") }
        s.map.driverCount = 2000
        return s
    }

    @Test func mapDrawsGlyphsCountsAndLegend() {
        let buffer = Screen.render(mapState())
        let grid = buffer.trimmedLines[1 ..< 21].joined(separator: "\n")
        // Grid 80x20 over lon -125…-66, lat 50…24: Dallas (two drivers) lands at column 38, row 13.
        #expect(buffer[38, 1 + 13].text == "2")
        #expect(buffer[50, 1 + 6].text == "d") // Chicago
        #expect(buffer[55, 1 + 12].text == "P") // Atlanta
        #expect(buffer[7, 1 + 8].text == "D") // Reno
        #expect(buffer[33, 1 + 3].text == "+") // twelve drivers in one cell
        #expect(grid.contains("•") && grid.contains("·")) // coast and state borders
        #expect(buffer.trimmedLines[21] == "d driver 2-9,+ several o load P pickup D delivery = route  2,000 drivers")
    }

    @Test func mapHighlightsTheSelectedLoadsEnds() {
        var state = mapState()
        state.width = 160
        #expect(!Screen.render(state)[110, 1 + 12].style.reverse)
        state.map.selectedLoad = Fixtures.load(1)
        let buffer = Screen.render(state)
        // Atlanta at 160 columns: column 110.
        #expect(buffer[110, 1 + 12].text == "P")
        #expect(buffer[110, 1 + 12].style.reverse)
        #expect(buffer.trimmedLines[21].contains("L1001 Dallas, TX > Houston, TX"))
        #expect(buffer.trimmedLines[21].hasSuffix("lat 24.0..50.0 lon -125.0..-66.0"))
    }

    @Test func mapProjectionPutsCornersInCorners() {
        let map = MapState()
        let grid = Rect(x: 0, y: 0, width: 80, height: 20)
        #expect(MapView.project(lat: 50, lon: -125, map: map, grid: grid)! == (0, 0))
        #expect(MapView.project(lat: 24, lon: -66, map: map, grid: grid)! == (79, 19))
        #expect(MapView.project(lat: 10, lon: -100, map: map, grid: grid) == nil)
    }

    func carriersState(width: Int = 80) -> ScreenState {
        var s = Fixtures.boardState(width: width)
        s.pane = .verification
        s.verification.carriers = [
            Fixtures.carrier("C1", verdict: .ok, reason: "authority active, insured"),
            Fixtures.carrier("C2", verdict: .warn, reason: "insurance expires in 12 days"),
            Fixtures.carrier("C3", verdict: .doNotUse, reason: "out of service: not allowed to operate"),
        ]
        s.verification.selected = 1
        return s
    }

    @Test func carriersShowVerdictWordsCountsAndReasons() {
        let buffer = Screen.render(carriersState())
        let lines = buffer.trimmedLines
        #expect(lines[1] == "Carriers  OK 1  WARN 1  DO-NOT-USE 1  sort verdict ▲")
        #expect(lines[2] == "ID       Name                Verdict    Reason                Ins. exp    Flags")
        #expect(lines[3] == "C1       Carrier C1          OK         authority active, in… 2026-02-23  -    █")
        #expect(lines[5] == "C3       Carrier C3          DO-NOT-USE out of service: not … 2026-02-23  -    █")
        let verdict = columnOf("DO-NOT-USE", in: buffer.line(5)) ?? 0
        #expect(buffer[verdict, 5].style.role == .danger && buffer[verdict, 5].style.bold)
        #expect(buffer[0, 4].style.reverse)
    }

    @Test func carriersWideShowsEveryColumn() {
        let line = Screen.render(carriersState(width: 200)).trimmedLines
        #expect(line[2].contains("MC") && line[2].contains("Safety") && line[2].contains("Checked"))
        #expect(line[5].contains("out of service: not allowed to operate"))
        #expect(line[5].contains("MC765") && line[5].contains("Satisfactory") && line[5].contains("2m ago"))
    }

    func paymentsState() -> ScreenState {
        var s = Fixtures.boardState()
        s.pane = .payments
        Fixtures.fill(&s.payments, invoices: [
            Invoice(id: "I1", loadId: "L1001", shipper: "Acme Foods", amountCents: 180_000,
                    issuedAt: Fixtures.now - 100 * 86400, dueAt: Fixtures.now - 70 * 86400, status: .open),
        ], payouts: [
            Payout(id: "P1", loadId: "L1001", carrierId: "C1", amountCents: 150_000, method: .quickPay, feeCents: 4500,
                   status: .pending, dueAt: Fixtures.now + 86400),
            Payout(id: "P2", loadId: "L1002", carrierId: "C2", amountCents: 98_000, method: .standard, feeCents: 0,
                   status: .held, dueAt: Fixtures.now + 30 * 86400),
        ])
        s.payments.carrierNames = ["C1": "Swift Haul LLC"]
        s.payments.agingCents = [1_250_000, 400_000, 100_000, 50_000]
        return s
    }

    @Test func payoutsTabWithAgingBars() {
        let lines = Screen.render(paymentsState()).trimmedLines
        #expect(lines[1] == "[Payouts]  Invoices    2 payouts   t switches")
        #expect(lines[2] == "aging 0-30   " + String(repeating: "█", count: 50) + "      $12,500")
        #expect(lines[3] == "aging 31-60  " + String(repeating: "█", count: 16) + String(repeating: "░", count: 34) + "       $4,000")
        #expect(lines[5].hasPrefix("aging 90+    ██░") && lines[5].hasSuffix("$500"))
        #expect(lines[6] == "Totals: pending 1 $1,500  held 1 $980")
        #expect(lines[7] == "ID       Load      Payee               Amount Method            Status   Due")
        #expect(lines[8] == "P1       L1001     Swift Haul LLC   $1,500.00 QuickPay fee $45  pending  Nov 26█")
        #expect(lines[9] == "P2       L1002     C2                 $980.00 standard          held     Dec 25█")
        #expect(lines[22] == "A approve  H hold  Q QuickPay  s status  t invoices  ? help")
    }

    /// Every status stays on screen at 80 columns: the totals take a second line, and shorten
    /// their amounts only when two lines are not enough.
    @Test func payoutTotalsFitTheWidth() {
        var state = paymentsState()
        let statuses: [Payout.Status] = [.pending, .approved, .held, .paid, .failed]
        let payouts = statuses.enumerated().map { index, status in
            Payout(id: "P\(index)", loadId: "L\(index)", carrierId: "C1", amountCents: 372_206_300, method: .standard,
                   feeCents: 0, status: status, dueAt: Fixtures.now)
        }
        Fixtures.fill(&state.payments, invoices: [], payouts: payouts)
        let lines = Screen.render(state).trimmedLines
        #expect(lines[6] == "Totals: pending 1 $3,722,063  approved 1 $3,722,063  held 1 $3,722,063")
        #expect(lines[7] == "        paid 1 $3,722,063  failed 1 $3,722,063")
        #expect(lines[8].hasPrefix("ID       Load"), "the table starts a line lower")
        #expect(lines[9].hasPrefix("P0 "))
        #expect(Screen.visibleRows(state) == 13)
        #expect(Screen.listRow(atLine: 9, state: state) == 0, "a click on the first row selects it")
        #expect(Screen.listRow(atLine: 8, state: state) == nil)

        let wide = Screen.render({ var s = state; s.width = 140; return s }()).trimmedLines
        #expect(wide[6] == "Totals: pending 1 $3,722,063  approved 1 $3,722,063  held 1 $3,722,063  paid 1 $3,722,063  failed 1 $3,722,063")
        #expect(wide[7].hasPrefix("ID ") && wide[7].contains("Payee"))
        #expect(state.payments.totalsLines(fitting: 50)
                == ["Totals: pending 1 $3.7M  approved 1 $3.7M", "        held 1 $3.7M  paid 1 $3.7M  failed 1 $3.7M"])
    }

    @Test func invoicesTab() {
        var state = paymentsState()
        state.payments.tab = .invoices
        let lines = Screen.render(state).trimmedLines
        #expect(lines[1] == " Payouts  [Invoices]   1 invoices   t switches")
        #expect(lines[6] == "Totals: open 1 invoices $1,800")
        #expect(lines[7] == "ID         Load       Shipper               Amount Issued Due    Status   Age")
        #expect(lines[8] == "I1         L1001      Acme Foods         $1,800.00 Aug 17 Sep 16 open     90+  █")
    }

    @Test func outboxListsPendingAndConflictsWithReasons() {
        var state = Fixtures.boardState()
        state.pane = .outbox
        state.outbox.pending = [OutboxItem(id: 41, summary: "assign L1001 to D7", createdAt: Fixtures.now - 30)]
        state.outbox.conflicts = [OutboxItem(id: 40, summary: "assign L1000 to D3", createdAt: Fixtures.now - 300,
                                             rejection: "load already covered by D5")]
        state.outbox.selected = 1
        let buffer = Screen.render(state)
        let lines = buffer.trimmedLines
        #expect(lines[1] == "Pending (1)  waiting to sync")
        #expect(lines[3] == "   #41   30s assign L1001 to D7                                         pending")
        #expect(lines[19] == "Conflicts (1)  R retry  x discard")
        #expect(lines[21] == "   #40    5m assign L1000 to D3                load already covered by D5")
        #expect(buffer[3, 21].style.reverse)
        #expect(!buffer[3, 3].style.reverse)
        #expect(lines[22] == "R retry  x discard  r sync now  ? help")
    }
}
