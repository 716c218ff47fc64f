import Domain

extension PaymentsState {
    /// "pending 12 $34,500  approved 3 $5,000 …" or "open 40 invoices $1,234,000".
    public var totalsLine: String { totalsParts(Money.dollars(_:whole:)).joined(separator: "  ") }

    /// The totals under the aging bars, "Totals: " first, in one line of `width` columns or two.
    /// Whole dollars when they fit; short amounts ("$3.7M") when they do not, so at 80 columns
    /// no status is cut off the end.
    public func totalsLines(fitting width: Int) -> [String] {
        let full = PaymentsState.wrap(totalsParts(Money.dollars(_:whole:)), width: width)
        guard full.count > 2 else { return full }
        return Array(PaymentsState.wrap(totalsParts { cents, _ in Money.compact(cents) }, width: width).prefix(2))
    }

    private func totalsParts(_ money: (Int64, Bool) -> String) -> [String] {
        switch tab {
        case .payouts:
            let parts = Payout.Status.allCases.compactMap { status -> String? in
                guard let total = payoutTotals[status], total.count > 0 else { return nil }
                return "\(status.rawValue) \(Format.count(total.count)) \(money(total.cents, true))"
            }
            return parts.isEmpty ? ["no payouts"] : parts
        case .invoices:
            return ["open \(Format.count(openInvoices.count)) invoices \(money(openInvoices.cents, true))"]
        }
    }

    /// Parts laid out in lines of `width`: "Totals: " before the first, as much indent before the rest.
    private static func wrap(_ parts: [String], width: Int) -> [String] {
        let label = "Totals: "
        var lines: [String] = []
        var line = label
        for part in parts {
            let fresh = line.count == label.count
            if !fresh, line.count + 2 + part.count > width {
                lines.append(line)
                line = String(repeating: " ", count: label.count) + part
            } else {
                line += (fresh ? "" : "  ") + part
            }
        }
        lines.append(line)
        return lines
    }
}
