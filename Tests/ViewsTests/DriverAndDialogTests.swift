import Domain
import Testing
@testable import Views

@Suite("Driver pane and dialogs")
struct DriverAndDialogTests {
    func driverState(status: LoadStatus = .arrivedPickup) -> ScreenState {
        var d = Fixtures.state(width: 40, height: 20, role: .driver)
        d.driverLoads.loads = [Fixtures.driverLoad(status: status)]
        d.driverLoads.pendingLoadIds = ["L77"]
        return d
    }

    @Test func driverPaneAt40x20() {
        let lines = Screen.render(driverState()).trimmedLines
        #expect(lines.count == 20)
        #expect(lines[0] == " dispatch   1 My loads  2 Outbox")
        #expect(lines[1] == "My loads (1)")
        #expect(lines[2] == "*L77 at pickup  PU Dallas, TX")
        #expect(lines[4] == "L77  at pickup  * pending sync")
        #expect(lines[5] == "Next: pickup Dallas, TX")
        #expect(lines[6] == "  window Nov 25 08:00-12:00")
        #expect(lines[7] == "History")
        #expect(lines[8] == "  no status reported yet")
        #expect(lines[16] == "c: confirm loaded (CP)")
        #expect(lines[17] == "d: delay   ? help")
        #expect(lines[19] == " ● online  pending 2  synced 3s ago")
    }

    @Test func driverNextActionFollowsTheStatus() {
        #expect(Screen.render(driverState(status: .assigned)).trimmedLines[16] == "c: confirm at pickup (X3)")
        #expect(Screen.render(driverState(status: .departedPickup)).trimmedLines[16] == "c: confirm at deliv (X1)")
        #expect(Screen.render(driverState(status: .arrivedDelivery)).trimmedLines[16] == "c: confirm delivered (POD)")
        #expect(Screen.render(driverState(status: .delivered)).trimmedLines[16] == "load is delivered: nothing to confirm")
    }

    @Test func helpIsGeneratedFromTheKeyMap() {
        for pane in [Pane.board, .map, .payments, .outbox] {
            var state = Fixtures.boardState()
            state.pane = pane
            state.dialog = .help
            let text = Screen.render(state).text
            #expect(text.contains("Keys: \(pane.title)"))
            for binding in KeyMap.bindings(for: pane, role: .dispatcher) {
                #expect(text.contains(binding.keyLabel), "\(binding.keyLabel) missing from help for \(pane)")
                #expect(text.contains(binding.help), "\(binding.help) missing from help for \(pane)")
            }
        }
    }

    @Test func filterDialogShowsFieldsFocusAndErrors() {
        var state = Fixtures.boardState()
        state.dialog = .filter(FormState(title: "Filter loads", fields: [
            .init(label: "Status", placeholder: "any"),
            .init(label: "Origin state", value: "TXX", error: "use a two-letter state"),
            .init(label: "Min $/mi", placeholder: "e.g. 2.50"),
        ]))
        let buffer = Screen.render(state)
        let lines = buffer.trimmedLines
        #expect(lines[7].contains("┌─ Filter loads ─"))
        #expect(lines[8].contains("│ Status:        ▏any"))
        #expect(lines[10].contains("│ Origin state:  TXX"))
        #expect(lines[11].contains("error: use a two-letter state"))
        let errorX = columnOf("error:", in: buffer.line(11)) ?? 0
        #expect(buffer[errorX, 11].style.role == .error)
        // The focused field is underlined (visible without colour).
        let value = columnOf("▏any", in: buffer.line(8)) ?? 0
        #expect(buffer[value + 2, 8].style.underline)
        #expect(lines[15].contains("Tab next field  Enter apply  Esc cancel"))
    }

    @Test func assignDialogListsCandidatesWithVerdictsAndMismatches() {
        var state = Fixtures.boardState()
        var assign = AssignState(load: Fixtures.load(1))
        assign.candidates = [
            DriverCandidate(driver: Fixtures.driver("D7", name: "Maria Lopez"), carrierName: "Swift Haul LLC",
                            verdict: .ok, deadheadMiles: 12, equipmentMatches: true),
            DriverCandidate(driver: Fixtures.driver("D9", name: "Bob Stone", equipment: "R", driveMinutes: 90),
                            carrierName: "Risky Inc", verdict: .doNotUse, deadheadMiles: 80, equipmentMatches: false),
        ]
        assign.loading = false
        assign.error = "D9: carrier is do-not-use"
        state.dialog = .assign(assign)
        let lines = Screen.render(state).trimmedLines
        #expect(lines[6].contains("┌─ Assign L1001 ─"))
        #expect(lines[7].contains("│ Dallas, TX → Houston, TX  V  pickup Nov 25 09:00  $2.45/mi"))
        #expect(lines[8].contains("│ Driver id: id or name      Max deadhead mi: 250"))
        #expect(lines[9].contains("│ error: D9: carrier is do-not-use"))
        #expect(lines[10].contains("│ Driver  Name         Deadhead Eq     HOS Pickup  Carrier      Verdict    │"))
        #expect(lines[11].contains("│ D7      Maria Lopez     12 mi V     7.5h on time Swift Haul … OK         │"))
        #expect(lines[12].contains("│ D9      Bob Stone       80 mi R!    1.5h on time Risky Inc    DO-NOT-USE │"))

        assign.candidates = []
        assign.loading = true
        state.dialog = .assign(assign)
        #expect(Screen.render(state).text.contains("finding drivers near Dallas…"))
    }

    @Test func confirmAndDelayDialogs() {
        var state = Fixtures.boardState()
        state.dialog = .confirm(ConfirmState(title: "Unassign L1001", message: "Remove driver D1 from load L1001?",
                                             action: .unassign(loadId: "L-1")))
        let text = Screen.render(state).text
        #expect(text.contains("Unassign L1001"))
        #expect(text.contains("│ Remove driver D1 from load L1001?"))
        #expect(text.contains("│ y yes   n no (Esc)"))

        var driver = driverState()
        driver.dialog = .delay(DelayState(loadId: "L77"))
        driver.dialog = .delay({ var d = DelayState(loadId: "L77"); d.selected = 3; return d }())
        let buffer = Screen.render(driver)
        let lines = buffer.trimmedLines
        #expect(lines[4] == "┌─ Delay L77 ──────────────────────────┐")
        for reason in DelayReason.allCases { #expect(buffer.text.contains("\(reason.rawValue)  \(reason.label)")) }
        #expect(lines[9] == "│> AI  mechanical breakdown            │")
        #expect(buffer[3, 9].style.reverse)
    }

    @Test func dialogsFitAnyScreenSize() {
        let dialogs: [Dialog] = [
            .help,
            .filter(FormState(title: "Filter", fields: [.init(label: "Status")])),
            .assign(AssignState(load: Fixtures.load(1))),
            .confirm(ConfirmState(title: "Discard", message: String(repeating: "long words ", count: 30), action: .discardConflict(id: 1))),
            .delay(DelayState(loadId: "L1")),
        ]
        for (width, height) in [(80, 24), (200, 50), (100, 30)] {
            for dialog in dialogs {
                var state = Fixtures.boardState(width: width, height: height)
                state.dialog = dialog
                let buffer = Screen.render(state)
                let lines = buffer.trimmedLines
                // The box is closed: its top-left and bottom-right corners are on screen.
                let top = lines.firstIndex { $0.contains("┌") }
                let bottom = lines.lastIndex { $0.contains("┘") }
                #expect(top != nil && bottom != nil, "\(dialog) at \(width)x\(height)")
                if let top, let bottom {
                    #expect(columnOf("┌", in: lines[top]) == columnOf("└", in: lines[bottom]))
                    // Centred: the margins left and right differ by at most one column.
                    let left = columnOf("┌", in: lines[top]) ?? 0
                    let right = width - 1 - (columnOf("┐", in: lines[top]) ?? 0)
                    #expect(abs(left - right) <= 1, "\(dialog) at \(width)x\(height)")
                }
            }
        }
    }
}

@Suite("Driver mode with a multi-stop load")
struct DriverMultiStopTests {
    @Test func everyStopIsListedDoneOnesMarked() {
        var state = Fixtures.boardState(width: 40, height: 20)
        state.session = SessionInfo(user: "d-1", role: .driver, driverId: "D-1", server: "http://127.0.0.1:1")
        state.pane = .driverLoads
        let now = Fixtures.now
        var load = Load(id: "L-9", reference: "R9", shipper: "S", stops: [
            Stop(kind: .pickup, city: "Dallas", state: "TX", zip: "75201", lat: 0, lon: 0, windowStart: now, windowEnd: now,
                 arrivedAt: now, departedAt: now + 60),
            Stop(kind: .delivery, city: "Little Rock", state: "AR", zip: "72201", lat: 0, lon: 0, windowStart: now + 9_000, windowEnd: now + 9_000),
            Stop(kind: .delivery, city: "Memphis", state: "TN", zip: "38103", lat: 0, lon: 0, windowStart: now + 20_000, windowEnd: now + 20_000),
        ], equipment: "V", fullLoad: true, weightLbs: 1, lengthFt: 53, commodity: "c", hazmat: false, miles: 450,
                        rateCents: 1, rateKind: .flat, postedAt: 0, driverId: "D-1", status: .departedPickup)
        load.version = 3
        state.driverLoads.loads = [load]
        let text = Screen.render(state).trimmedLines.joined(separator: "\n")
        #expect(text.contains("1 PU Dallas, TX  done"))
        #expect(text.contains("2 DL Little Rock, AR"))
        #expect(text.contains("3 DL Memphis, TN"))
        #expect(text.contains("c: confirm at deliv (X1) at stop 2"), "the next report names its stop (cut at 40 columns)")
    }
}
