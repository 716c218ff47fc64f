import Testing
@testable import Domain

/// The verification pane's words: risk flags, expiry, filter and order.
@Suite("Carrier risk flags and filter")
struct CarrierRiskTests {
    static let now: Int64 = 1_795_000_000

    static func carrier(_ id: String, name: String, verdict: Verdict = .ok, expiresInDays: Int64 = 200,
                        oos: Bool = false, safety: String = "Satisfactory", bipd: Int = 1_000, cargo: Int = 100,
                        checkedDaysAgo: Int64 = 0) -> Carrier {
        Carrier(id: id, name: name, dotNumber: "DOT\(id)", mcNumber: "MC\(id)", allowedToOperate: !oos, statusCode: "A",
                oosDate: oos ? now - 40 * 86_400 : nil, safetyRating: safety, bipdOnFile: bipd, bipdRequired: 750,
                cargoOnFile: cargo, cargoRequired: 100, insuranceExpiresAt: now + expiresInDays * 86_400,
                authorityGrantedAt: now - 2_000 * 86_400, powerUnits: 5, verdict: verdict, verdictReason: "",
                checkedAt: now - checkedDaysAgo * 86_400)
    }

    @Test func aCleanCarrierHasNoFlags() {
        #expect(Self.carrier("C1", name: "Clean").riskFlags(now: Self.now).isEmpty)
        #expect(Self.carrier("C1", name: "Clean").authorityLabel == "active")
    }

    @Test func flagsSayWhatIsWrongInWordsMostSeriousFirst() {
        let bad = Self.carrier("C2", name: "Bad", verdict: .doNotUse, expiresInDays: 12, oos: true, safety: "Conditional",
                               bipd: 500, checkedDaysAgo: 10)
        let flags = bad.riskFlags(now: Self.now)
        #expect(flags.first?.hasPrefix("out of service since ") == true)
        #expect(flags.contains("not allowed to operate"))
        #expect(flags.contains("safety rating Conditional"))
        #expect(flags.contains("liability $500K on file < $750K required"))
        #expect(flags.contains("insurance expires in 12 days"))
        #expect(flags.contains { $0.hasPrefix("last checked 10d") })
        #expect(bad.authorityLabel == "OUT OF SERVICE")
    }

    @Test func expiryBoundaryIsThirtyDaysAndExpiredIsSaid() {
        #expect(Self.carrier("C", name: "x", expiresInDays: 30).riskFlags(now: Self.now) == ["insurance expires in 30 days"])
        #expect(Self.carrier("C", name: "x", expiresInDays: 31).riskFlags(now: Self.now).isEmpty)
        let expired = Self.carrier("C", name: "x", expiresInDays: -3)
        #expect(expired.daysToInsuranceExpiry(now: Self.now) == -3)
        #expect(expired.riskFlags(now: Self.now).first?.hasPrefix("insurance expired ") == true)
    }

    @Test func filterMatchesTextVerdictAndFlagsAndSorts() {
        let all = [
            Self.carrier("C1", name: "Acme Haul"),
            Self.carrier("C2", name: "Blue Line", verdict: .warn, expiresInDays: 5),
            Self.carrier("C3", name: "Acme East", verdict: .doNotUse, oos: true),
            Self.carrier("C4", name: "Zeta", safety: "Unsatisfactory"),
        ]
        #expect(CarrierFilter().apply(all, now: Self.now).map(\.id) == ["C3", "C2", "C1", "C4"])
        #expect(CarrierFilter(text: "acme").apply(all, now: Self.now).map(\.id) == ["C3", "C1"])
        #expect(CarrierFilter(text: "mcc4").apply(all, now: Self.now).map(\.id) == ["C4"])
        #expect(CarrierFilter(verdict: .warn).apply(all, now: Self.now).map(\.id) == ["C2"])
        #expect(CarrierFilter(flaggedOnly: true, sort: .name).apply(all, now: Self.now).map(\.id) == ["C3", "C2", "C4"])
        #expect(CarrierFilter(sort: .insurance).apply(all, now: Self.now).first?.id == "C2")
        #expect(CarrierFilter(sort: .safety).apply(all, now: Self.now).first?.id == "C4")
        #expect(CarrierFilter(sort: .name, descending: true).apply(all, now: Self.now).map(\.id) == ["C4", "C2", "C1", "C3"])
        #expect(CarrierFilter(text: "acme", verdict: .ok).summary == "\"acme\" verdict=ok")
    }

    @Test func verdictInputIsReadOrRefusedWithTheChoices() throws {
        #expect(try CarrierFilter.verdict(fromInput: " WARN ").get() == .warn)
        #expect(try CarrierFilter.verdict(fromInput: "").get() == nil)
        #expect(try CarrierFilter.verdict(fromInput: "dnu").get() == .doNotUse)
        guard case .failure(let error) = CarrierFilter.verdict(fromInput: "maybe") else { Issue.record("accepted"); return }
        #expect(error.message.contains("ok, warn or do-not-use"))
    }
}
