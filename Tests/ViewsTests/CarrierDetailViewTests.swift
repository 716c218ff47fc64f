import Testing
import Domain
@testable import Views

/// The verification pane's detail and filter line, at 80x24, as text.
@Suite("Carrier detail and filter")
struct CarrierDetailViewTests {
    func risky() -> Carrier {
        var c = Fixtures.carrier("C9", verdict: .warn, reason: "insurance expires in 12 days")
        c.insuranceExpiresAt = Fixtures.now + 12 * 86_400
        c.cargoOnFile = 50
        c.safetyRating = "Conditional"
        return c
    }

    @Test func detailShowsAuthorityInsuranceExpiryFlagsAndCheck() {
        var state = Fixtures.boardState()
        state.pane = .verification
        state.dialog = .carrierDetail(CarrierDetailState(carrier: risky()))
        let buffer = Screen.render(state)
        let text = buffer.trimmedLines.joined(separator: "\n")
        #expect(text.contains("Carrier C9"))
        #expect(text.contains("Verdict  WARN  insurance expires in 12 days"))
        #expect(text.contains("Authority  active, granted "))
        #expect(text.contains("Out of service  no"))
        #expect(text.contains("Safety rating  Conditional"))
        #expect(text.contains("Liability (BIPD)     $1,000K      $750K  ok"))
        #expect(text.contains("Cargo                   $50K      $100K  SHORT"))
        #expect(text.contains("expires in 12 days (within 30)"))
        #expect(text.contains("Risk flags  3"))
        #expect(text.contains("! cargo $50K on file < $100K required"))
        #expect(text.contains("Last checked 2m ago"))
        #expect(text.contains("j/k scroll  Esc close"))
        // SHORT is a word and bold, not only red.
        let line = buffer.trimmedLines.firstIndex { $0.contains("SHORT") } ?? 0
        let x = columnOf("SHORT", in: buffer.line(line)) ?? 0
        #expect(buffer[x, line].style.bold)
    }

    @Test func filteredPaneSaysWhatIsShownAndFlagsExpiryWithoutColour() {
        var state = Fixtures.boardState()
        state.pane = .verification
        state.verification.all = [Fixtures.carrier("C1", verdict: .ok, reason: "ok"), risky()]
        state.verification.filter = CarrierFilter(verdict: .warn)
        state.verification.refilter(now: state.now)
        let lines = Screen.render(state).trimmedLines
        #expect(lines[1].contains("filter verdict=warn: 1 shown"))
        #expect(lines[3].hasPrefix("C9 "))
        #expect(lines[3].contains("!"))
        #expect(lines.count > 4 && !lines[4].hasPrefix("C1"))

        state.verification.filter = CarrierFilter(text: "nobody")
        state.verification.refilter(now: state.now)
        #expect(Screen.render(state).trimmedLines.joined().contains("No carrier matches the filter (F clears it)"))
    }
}
