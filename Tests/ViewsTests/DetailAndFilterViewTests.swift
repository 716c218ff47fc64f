import Foundation
import Domain
import Testing
@testable import Views

@Suite("Load detail, the full filter form and the map's route")
struct DetailAndFilterViewTests {
    func detail(status: LoadStatus) -> LoadDetail {
        var load = Fixtures.driverLoad(status: status)
        load.notes = [LoadNote(id: "N1", text: "dock 4, call ahead", by: "ann", at: Fixtures.now - 60)]
        let events = [
            StatusEvent(id: "E1", loadId: "L77", code: .dispatched, at: Fixtures.pickup - 3_600, recordedBy: "ann"),
            StatusEvent(id: "E2", loadId: "L77", code: .arrivedPickup, at: Fixtures.pickup + 600, recordedBy: "d7"),
        ]
        let best = [DriverMatch(driver: Fixtures.driver("D1", name: "Ana Diaz"), carrierName: "Carrier C1", verdict: .ok,
                                deadheadMiles: 12, equipmentMatches: true, minutesToPickup: 15),
                    DriverMatch(driver: Fixtures.driver("D2", name: "Bo Li", equipment: "R"), carrierName: "Carrier C2",
                                verdict: .warn, deadheadMiles: 40, equipmentMatches: false, minutesToPickup: 48)]
        return LoadDetail(load: load, events: events, driver: Fixtures.driver("D7", name: "Cy Ode"),
                          carrier: Fixtures.carrier("C1", verdict: .warn, reason: "insurance expires in 12 days"),
                          invoice: Invoice(id: "I-1", loadId: "L77", shipper: "Acme", amountCents: 90_000,
                                           issuedAt: Fixtures.now - 40 * 86_400, dueAt: Fixtures.now - 10 * 86_400, status: .open),
                          payout: Payout(id: "P-1", loadId: "L77", carrierId: "C1", amountCents: 80_000, method: .quickPay,
                                         feeCents: 2_400, status: .pending, dueAt: Fixtures.now),
                          bestDrivers: status == .posted ? best : [], pending: true)
    }

    @Test func detailAt80x24ShowsStopsTimelineNotesCarrierAndMoney() {
        var state = Fixtures.boardState()
        state.dialog = .loadDetail(LoadDetailState(loadId: "L77", detail: detail(status: .arrivedPickup)))
        let text = Screen.render(state).trimmedLines.joined(separator: "\n")
        #expect(text.contains("Load L77"))
        #expect(text.contains("L77  ref BOL77  AT PICKUP  * pending sync"))
        #expect(text.contains("1. Pickup   Dallas, TX 75201  window 2025-11-25 02:00-06:00 CST"), "in the stop's own time")
        #expect(text.contains("arrived Nov 25 02:10  departed -"))
        #expect(text.contains("Timeline (2)"))
        #expect(text.contains("X3  at pickup  by d7"))
        #expect(text.contains("ann: dock 4, call ahead"))
        #expect(text.contains("more below"), "money scrolls into view")
        #expect(text.contains("e edit") && !text.contains("u unassign"), "a load at pickup can be edited, not unassigned")

        let lines = LoadDetailView.lines(detail(status: .arrivedPickup), now: Fixtures.now, glyphs: .unicode).map(\.text)
        #expect(lines.contains { $0.contains("Carrier C1") && $0.contains("WARN: insurance expires in 12 days") })
        #expect(lines.contains { $0.hasPrefix("Invoice I-1  $900.00  open") && $0.contains("aging 31-60 days") })
        #expect(lines.contains { $0.hasPrefix("Payout P-1  $800.00  quickPay  pending  fee $24.00 net $776.00") })
        #expect(!lines.contains("Best drivers (a assigns the first)"), "only a posted load lists drivers")
    }

    @Test func aPostedLoadListsItsBestDriversWithWarningsInWords() {
        let lines = LoadDetailView.lines(detail(status: .posted), now: Fixtures.now, glyphs: .unicode).map(\.text)
        let best = lines.firstIndex(of: "Best drivers (a assigns the first)")
        #expect(best != nil)
        if let best {
            #expect(lines[best + 1].hasPrefix("1. D1 Ana Diaz  12 mi deadhead  V  7.5h left  OK"))
            #expect(lines[best + 2].hasSuffix("! equipment R, carrier warn"))
        }
    }

    @Test func detailScrollsAndFitsAnySize() {
        for (w, h) in [(80, 24), (120, 40), (40, 12), (20, 6)] {
            var state = Fixtures.boardState(width: w, height: h)
            state.dialog = .loadDetail(LoadDetailState(loadId: "L77", detail: detail(status: .posted)))
            let lines = Screen.render(state).trimmedLines
            #expect(lines.count == h)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= w })
        }
        var scrolled = Fixtures.boardState()
        var detailState = LoadDetailState(loadId: "L77", detail: detail(status: .posted))
        detailState.scroll = 12
        scrolled.dialog = .loadDetail(detailState)
        let text = Screen.render(scrolled).trimmedLines.joined(separator: "\n")
        #expect(text.contains("Best drivers"))
        #expect(!text.contains("ref BOL77"))
    }

    /// What a dialog's action reports stays in view: a tall dialog ends above the message line.
    @Test func aDialogsErrorShowsUnderIt() {
        for (w, h) in [(80, 24), (120, 40)] {
            var state = Fixtures.boardState(width: w, height: h)
            state.dialog = .loadDetail(LoadDetailState(loadId: "L77", detail: detail(status: .delivered)))
            state.flash = Flash(.error, "L77 is delivered, not posted")
            let buffer = Screen.render(state)
            let lines = buffer.trimmedLines
            #expect(lines[h - 2].contains("L77 is delivered, not posted"), "\(w)x\(h): \(lines[h - 2])")
            #expect(lines[h - 3].contains("└") && lines[h - 3].contains("┘"), "the dialog's bottom edge is above it")
            #expect(lines[h - 1].contains("online") || lines[h - 1].contains("offline"), "the status bar too")
        }
    }

    @Test func twelveFieldFilterFormFitsAt80x24WithItsErrors() {
        var state = Fixtures.boardState()
        let labels = ["Search", "Status", "Origin", "Destination", "Equipment", "Pickup from", "Pickup to", "Min $/mile",
                      "Max weight", "Max length", "Full/partial", "Posted within"]
        var form = FormState(title: "Filter loads", fields: labels.map { FormState.Field(label: $0) })
        form.fields[2].value = "Dallas, TX 150"
        form.fields[7].value = "abc"
        form.fields[7].error = "not a number: dollars, e.g. 2.50"
        form.focused = 7
        state.dialog = .filter(form)
        let lines = Screen.render(state).trimmedLines
        let text = lines.joined(separator: "\n")
        for label in labels where label != "Min $/mile" { #expect(text.contains(label + ":"), "\(label) shown") }
        #expect(text.contains("!Min $/mile:"), "the bad field is marked without colour")
        #expect(text.contains("Dallas, TX 150"))
        #expect(text.contains("error (Min $/mile): not a number: dollars, e.g. 2.50"))
        #expect(text.contains("Tab next field"))
    }

    /// A long error is read whole: wrapped at the bottom at 80x24, under its field at 120x40.
    @Test func aLongFilterErrorIsShownWhole() {
        let labels = ["Search", "Status", "Origin", "Destination", "Equipment", "Pickup from", "Pickup to", "Min $/mile",
                      "Max weight", "Max length", "Full/partial", "Posted within"]
        var form = FormState(title: "Filter loads", fields: labels.map { FormState.Field(label: $0) })
        form.fields[2].value = "Dalas, TX 150"
        form.fields[2].error = "no loads start or end in Dalas, TX; check the spelling or add the state"
        form.focused = 2
        var small = Fixtures.boardState()
        small.dialog = .filter(form)
        let compact = Screen.render(small).trimmedLines
        let at = compact.firstIndex { $0.contains("error (Origin): no loads start or end in Dalas, TX; check the spelling") }
        #expect(at.map { compact[$0 + 1].contains("│ or add the state ") } == true, "\(compact)")
        #expect(compact.contains { $0.contains("Tab next field") })

        var large = Fixtures.boardState(width: 120, height: 40)
        large.dialog = .filter(form)
        let spaced = Screen.render(large).trimmedLines
        let origin = spaced.firstIndex { $0.contains("Origin:") }
        #expect(origin.map { spaced[$0 + 1] }?.contains("error: no loads start or end in Dalas, TX; check the spelling or add the state") == true)
    }

    @Test func mapDrawsTheSelectedRouteAndTheFollowedDriver() {
        var state = Fixtures.boardState()
        state.pane = .map
        var load = Fixtures.load(0)
        (load.originLat, load.originLon, load.destLat, load.destLon) = (32.8, -96.8, 41.9, -87.6)
        state.map.selectedLoad = load
        state.map.pins = [MapPin(kind: .driver, lat: 39.7, lon: -105.0, label: "D9")]
        state.map.follow = "D9"
        let buffer = Screen.render(state)
        let grid = buffer.trimmedLines[1 ..< 21].joined(separator: "\n")
        #expect(grid.filter { $0 == "=" }.count >= 8, "a line of route cells from Dallas to Chicago")
        #expect(grid.contains("@"))
        #expect(buffer.trimmedLines[21].contains("@ D9"))
    }
}
