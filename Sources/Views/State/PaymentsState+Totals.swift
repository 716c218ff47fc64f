import Domain

/// A count of rows and their amount.
public struct PaymentTotal: Sendable, Hashable {
    public var count = 0
    public var cents: Int64 = 0
    public init(count: Int = 0, cents: Int64 = 0) {
        self.count = count
        self.cents = cents
    }
}

extension PaymentsState {
    /// Takes a fresh fetch: keeps every payout, recomputes the totals and the filtered list.
    public mutating func receive(invoices: [Invoice], payouts: [Payout]) {
        self.invoices = invoices
        allPayouts = payouts
        payoutTotals = [:]
        for payout in payouts {
            payoutTotals[payout.status, default: PaymentTotal()].count += 1
            payoutTotals[payout.status, default: PaymentTotal()].cents += payout.amountCents
        }
        openInvoices = PaymentTotal()
        for invoice in invoices where invoice.status != .paid {
            openInvoices.count += 1
            openInvoices.cents += invoice.amountCents
        }
        refilter()
    }

    /// Applies `statusFilter` to `allPayouts`, keeping the selection on the screen.
    public mutating func refilter() {
        payouts = statusFilter.map { status in allPayouts.filter { $0.status == status } } ?? allPayouts
        selected = min(selected, max(0, payouts.count - 1))
        top = min(top, selected)
    }

    /// The next status filter: all → pending → approved → held → paid → failed → all.
    public mutating func cycleStatusFilter() {
        let all = Payout.Status.allCases
        if let current = statusFilter, let index = all.firstIndex(of: current) {
            statusFilter = index + 1 < all.count ? all[index + 1] : nil
        } else {
            statusFilter = all.first
        }
        selected = 0
        top = 0
        refilter()
    }

    /// The payout under the cursor.
    public var selectedPayout: Payout? {
        tab == .payouts && payouts.indices.contains(selected) ? payouts[selected] : nil
    }

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
