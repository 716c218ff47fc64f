import Foundation

/// The verification pane's filter and order, applied to the carriers in memory (hundreds, not millions).
public struct CarrierFilter: Sendable, Hashable {
    public enum Sort: String, Sendable, CaseIterable {
        case verdict, name, insurance, checked, safety

        public var label: String {
            switch self {
            case .verdict: "verdict"
            case .name: "name"
            case .insurance: "insurance expiry"
            case .checked: "last checked"
            case .safety: "safety rating"
            }
        }
    }

    /// Matched against name, id, DOT and MC numbers, case-insensitively.
    public var text: String
    public var verdict: Verdict?
    /// Only carriers with at least one risk flag.
    public var flaggedOnly: Bool
    public var sort: Sort
    public var descending: Bool

    public init(text: String = "", verdict: Verdict? = nil, flaggedOnly: Bool = false, sort: Sort = .verdict,
                descending: Bool = false) {
        self.text = text
        self.verdict = verdict
        self.flaggedOnly = flaggedOnly
        self.sort = sort
        self.descending = descending
    }

    public var isActive: Bool { !text.isEmpty || verdict != nil || flaggedOnly }

    /// "verdict=warn flagged "acme"", for the pane's header.
    public var summary: String {
        var parts: [String] = []
        if !text.isEmpty { parts.append("\"\(text)\"") }
        if let verdict { parts.append("verdict=\(verdict.rawValue)") }
        if flaggedOnly { parts.append("flagged") }
        return parts.joined(separator: " ")
    }

    public func apply(_ carriers: [Carrier], now: Int64) -> [Carrier] {
        let needle = text.lowercased()
        let kept = carriers.filter { carrier in
            if let verdict, carrier.verdict != verdict { return false }
            if flaggedOnly, carrier.riskFlags(now: now).isEmpty { return false }
            guard !needle.isEmpty else { return true }
            return [carrier.name, carrier.id, carrier.dotNumber, carrier.mcNumber].contains { $0.lowercased().contains(needle) }
        }
        let ordered = kept.sorted { a, b in
            let (x, y) = descending ? (b, a) : (a, b)
            switch sort {
            case .verdict where x.verdict != y.verdict: return x.verdict > y.verdict
            case .insurance where x.insuranceExpiresAt != y.insuranceExpiresAt: return x.insuranceExpiresAt < y.insuranceExpiresAt
            case .checked where x.checkedAt != y.checkedAt: return x.checkedAt < y.checkedAt
            case .safety where CarrierFilter.safetyRank(x) != CarrierFilter.safetyRank(y):
                return CarrierFilter.safetyRank(x) < CarrierFilter.safetyRank(y)
            default: return (x.name, x.id) < (y.name, y.id)
            }
        }
        return ordered
    }

    /// Worst first: Unsatisfactory, Conditional, unrated, Satisfactory.
    static func safetyRank(_ carrier: Carrier) -> Int {
        switch carrier.safetyRating {
        case "Unsatisfactory": 0
        case "Conditional": 1
        case "Satisfactory": 3
        default: 2
        }
    }

    /// Parses the verdict field of the filter form: empty or "any" means no filter.
    public static func verdict(fromInput input: String) -> Result<Verdict?, BoardInputError> {
        let word = input.trimmingCharacters(in: .whitespaces).lowercased()
        switch word {
        case "", "any", "all": return .success(nil)
        case "ok": return .success(.ok)
        case "warn", "warning": return .success(.warn)
        case "do-not-use", "dnu", "do not use", "no": return .success(.doNotUse)
        default: return .failure(BoardInputError("use ok, warn or do-not-use (or leave empty for any)", field: "verdict"))
        }
    }
}
