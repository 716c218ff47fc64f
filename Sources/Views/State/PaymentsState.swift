import Domain

/// The payments pane: a window over the payouts (due date, newest first) and one over the
/// invoices (issue date, newest first), each paged by keyset like the board; the counts,
/// totals and aging bars come from the mirror over every row.
public struct PaymentsState: Sendable {
    public enum Tab: Sendable, Hashable { case invoices, payouts }
    public var tab: Tab = .payouts
    /// The payouts in `statusFilter` around the selection.
    public var payouts = RowWindow<Payout>()
    /// The invoices around the selection.
    public var invoices = RowWindow<Invoice>()
    /// Show only payouts in this status (nil: all); the mirror filters, not the pane.
    public var statusFilter: Payout.Status?
    /// Count and sum per payout status, over all payouts.
    public var payoutTotals: [Payout.Status: PaymentTotal] = [:]
    /// Invoices not paid yet: count and amount.
    public var openInvoices = PaymentTotal()
    /// Every invoice in the mirror.
    public var invoiceCount = 0
    /// Carrier names by id, for the payee column.
    public var carrierNames: [String: String] = [:]
    /// Carriers by id, for the payout rules (verdict) and the payee in dialogs.
    public var carriers: [String: Carrier] = [:]
    /// Open invoice totals per aging bucket (0–30, 31–60, 61–90, 90+), in cents.
    public var agingCents: [Int64] = [0, 0, 0, 0]
    public init() {}

    /// The selected row of the tab in force, within its window.
    public var selected: Int {
        get { tab == .payouts ? payouts.selected : invoices.selected }
        set { if tab == .payouts { payouts.selected = newValue } else { invoices.selected = newValue } }
    }

    /// The first row on screen of the tab in force, within its window.
    public var top: Int {
        get { tab == .payouts ? payouts.top : invoices.top }
        set { if tab == .payouts { payouts.top = newValue } else { invoices.top = newValue } }
    }

    /// Rows of the tab in force in memory.
    public var loadedCount: Int { tab == .payouts ? payouts.rows.count : invoices.rows.count }

    /// Rows of the tab in force in the whole mirror (the filter applied), as counted by SQL.
    public var count: Int { tab == .payouts ? payoutCount : invoiceCount }

    /// Payouts in the status filter in the whole mirror, as counted by SQL.
    public var payoutCount: Int {
        statusFilter.map { payoutTotals[$0]?.count ?? 0 } ?? payoutTotals.values.reduce(0) { $0 + $1.count }
    }

    /// Position in the whole list of the selected row of the tab in force.
    public var position: Int { tab == .payouts ? payouts.start + payouts.selected : invoices.start + invoices.selected }

    /// The payout under the cursor.
    public var selectedPayout: Payout? { tab == .payouts ? payouts.selectedRow : nil }

    /// The next status filter: all → pending → approved → held → paid → failed → all.
    public mutating func cycleStatusFilter() {
        let all = Payout.Status.allCases
        if let current = statusFilter, let index = all.firstIndex(of: current) {
            statusFilter = index + 1 < all.count ? all[index + 1] : nil
        } else {
            statusFilter = all.first
        }
    }
}
