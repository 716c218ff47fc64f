import Domain
import Testing
@testable import Views
import Foundation

/// Driver mode at its smallest size (40x20): the pane's history and the confirmation dialogs.
@Suite("Driver confirmations at 40x20")
struct DriverConfirmViewTests {
    func driverState(status: LoadStatus = .arrivedPickup) -> ScreenState {
        var d = Fixtures.state(width: 40, height: 20, role: .driver)
        var load = Fixtures.driverLoad(status: status)
        load.delay = nil
        d.driverLoads.loads = [load]
        return d
    }

    func event(_ code: StatusCode, at: Int64, signer: String? = nil, reason: DelayReason? = nil) -> StatusEvent {
        StatusEvent(id: "E-\(code.rawValue)", loadId: "L77", code: code, reason: reason, at: at, lat: 32.8, lon: -96.8,
                    recordedBy: "d7", podSigner: signer)
    }

    @Test func thePaneShowsTheNextStopAndTheHistory() {
        var state = driverState(status: .departedPickup)
        var load = state.driverLoads.loads[0]
        load.stops[0].departedAt = Fixtures.pickup + 3_000
        state.driverLoads.loads = [load]
        state.driverLoads.events["L77"] = [
            event(.arrivedPickup, at: Fixtures.pickup + 600),
            event(.loaded, at: Fixtures.pickup + 2_400),
            event(.delayed, at: Fixtures.pickup + 2_700, reason: .weather),
            event(.departedPickup, at: Fixtures.pickup + 3_000),
        ]
        let lines = Screen.render(state).trimmedLines
        #expect(lines[2] == " L77 departed   DL Houston, TX")
        #expect(lines[4] == "L77  departed")
        #expect(lines[5] == "Next: deliver Houston, TX")
        #expect(lines[6] == "  window Nov 26 08:00-10:00")
        #expect(lines[7] == "History")
        #expect(lines[8] == " Nov 25 08:10 X3 at pickup")
        #expect(lines[9] == " Nov 25 08:40 CP loaded")
        #expect(lines[10] == " Nov 25 08:45 SD delayed AO")
        #expect(lines[11] == " Nov 25 08:50 AF departed")
        #expect(lines[16] == "c: confirm at deliv (X1)")
    }

    @Test func aLongHistoryKeepsTheLatestAndSaysHowManyAreHidden() {
        var state = driverState(status: .arrivedDelivery)
        state.driverLoads.events["L77"] = (0 ..< 12).map { i in
            StatusEvent(id: "E\(i)", loadId: "L77", code: .delayed, reason: .weather, at: Fixtures.pickup + Int64(i) * 60,
                        recordedBy: "d7")
        }
        let lines = Screen.render(state).trimmedLines
        #expect(lines[7] == "History (4 earlier)")
        #expect(lines[8] == " Nov 25 08:04 SD delayed AO")
        #expect(lines[15] == " Nov 25 08:11 SD delayed AO")
        #expect(lines[16] == "c: confirm delivered (POD)")
    }

    @Test func theConfirmationShowsStatusTimeAndTheStop() {
        var state = driverState()
        let load = state.driverLoads.loads[0]
        let place = ReportPlace.choose(fix: nil, stop: ReportPlace.stop(for: .loaded, in: load), now: state.now)
        state.dialog = .statusConfirm(StatusConfirmState(loadId: "L77", code: .loaded, place: place))
        let lines = Screen.render(state).trimmedLines
        #expect(lines.count == 20)
        #expect(lines[6].contains("┌─ Confirm L77 ─"))
        #expect(lines[7].contains("│ Record   loaded (CP)"))
        #expect(lines[8].contains("│ Time     09:00 now, local"))
        #expect(lines[9].contains("│ Place    Dallas, TX (stop)"))
        #expect(lines[10].contains("│          32.8000, -96.8000"))
        #expect(lines[12].contains("│ Enter record  Esc cancel"))
        #expect(lines[13].contains("└──"))
        // The box sits inside 40 columns.
        #expect(lines[6].hasSuffix("┐") && lines[6].count <= 40)
    }

    @Test func theConfirmationPrefersAFreshGPSFixAndShowsLocalTime() {
        var state = driverState()
        state.utcOffset = -6 * 3_600
        let fix = ReportPlace.Fix(lat: 32.91, lon: -96.71, at: state.now - 300)
        let place = ReportPlace.choose(fix: fix, stop: state.driverLoads.loads[0].pickup, now: state.now)
        state.dialog = .statusConfirm(StatusConfirmState(loadId: "L77", code: .loaded, place: place))
        let text = Screen.render(state).text
        #expect(text.contains("│ Time     03:00 now, local"))
        #expect(text.contains("│ Place    my GPS, 5m ago"))
        #expect(text.contains("│          32.9100, -96.7100"))
    }

    @Test func aDeliveryAsksWhoSignedAndShowsTheErrorUnderTheField() {
        var state = driverState(status: .arrivedDelivery)
        let load = state.driverLoads.loads[0]
        var confirm = StatusConfirmState(loadId: "L77", code: .delivered,
                                         place: ReportPlace.choose(fix: nil, stop: ReportPlace.stop(for: .delivered, in: load),
                                                                   now: state.now))
        confirm.error = Mutation.RecordStatus.signerProblem("")
        state.dialog = .statusConfirm(confirm)
        let buffer = Screen.render(state)
        let lines = buffer.trimmedLines
        #expect(lines[3].contains("┌─ Confirm L77 ─"))
        #expect(lines[4].contains("│ Record   delivered (POD)"))
        #expect(lines[6].contains("│ Place    Houston, TX (stop)"))
        #expect(lines[9].contains("│ Proof of delivery"))
        #expect(lines[10].contains("│ Signed by ▏printed name"))
        #expect(lines[11].contains("│ error: the signer's name is"))
        #expect(lines[12].contains("│ required for proof of delivery"))
        #expect(lines[14].contains("│ Enter record  Esc cancel"))
        #expect(lines[15].contains("└──"))
        let errorX = lines[11].range(of: "error:").map { lines[11].distance(from: lines[11].startIndex, to: $0.lowerBound) } ?? 0
        #expect(buffer[errorX, 11].style.role == .error)

        confirm.error = nil
        confirm.signer = "Jane Smith"
        state.dialog = .statusConfirm(confirm)
        let typed = Screen.render(state).text
        #expect(typed.contains("│ Signed by Jane Smith▏"))
        #expect(!typed.contains("error:"))
    }
}

@Suite("Status bar at 40 columns")
struct NarrowStatusBarTests {
    @Test func offlineKeepsThePendingCountByDroppingTheReason() {
        var state = Fixtures.state(width: 40, height: 20, role: .driver)
        state.sync.online = false
        state.sync.detail = "server unreachable"
        state.sync.pending = 1
        #expect(Screen.render(state).trimmedLines[19] == " ○ offline  pending 1")
        state.width = 80
        #expect(Screen.render(state).trimmedLines[19].hasPrefix(" ○ offline (server unreachable)  pending 1"))
    }
}
