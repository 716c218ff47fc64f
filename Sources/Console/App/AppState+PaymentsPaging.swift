import Domain
import Sync
import Views

/// Keyset paging of the payments pane: each tab is a window of rows around its selection,
/// extended a page at a time as the selection nears an edge, as the board's is.
extension AppState {
    var paymentsVisible: Int { max(1, Screen.visibleRows(screen)) }

    /// The pane's data read again: the totals, and each window in place (from its first row on
    /// entering the pane).
    mutating func refreshPayments() -> [Effect] {
        var effects: [Effect] = [.fetchPayments]
        if let request = screen.payments.payouts.refresh(visible: paymentsVisible) { effects.append(fetchPayouts(request)) }
        if let request = screen.payments.invoices.refresh(visible: paymentsVisible) { effects.append(.fetchInvoices(request)) }
        return effects
    }

    /// Moves the selection of the tab in force; Home and End jump to the list's ends.
    mutating func movePayments(by delta: Int, page: Int) -> [Effect] {
        let toEnd = delta >= 1_000_000
        let jump = toEnd || delta <= -1_000_000
        switch screen.payments.tab {
        case .payouts:
            if jump { return [fetchPayouts(screen.payments.payouts.jump(toEnd: toEnd))] }
            return screen.payments.payouts.move(by: delta, visible: page).map { [fetchPayouts($0)] } ?? []
        case .invoices:
            if jump { return [.fetchInvoices(screen.payments.invoices.jump(toEnd: toEnd))] }
            return screen.payments.invoices.move(by: delta, visible: page).map { [.fetchInvoices($0)] } ?? []
        }
    }

    mutating func receivePayouts(_ rows: [Payout], for request: WindowRequest<Payout>) -> [Effect] {
        guard screen.payments.payouts.receive(rows, for: request, visible: paymentsVisible, total: screen.payments.payoutCount) else { return [] }
        return screen.payments.payouts.followUp(visible: paymentsVisible).map { [fetchPayouts($0)] } ?? []
    }

    mutating func receiveInvoices(_ rows: [Invoice], for request: WindowRequest<Invoice>) -> [Effect] {
        let total = screen.payments.invoiceCount
        guard screen.payments.invoices.receive(rows, for: request, visible: paymentsVisible, total: total) else { return [] }
        return screen.payments.invoices.followUp(visible: paymentsVisible).map { [.fetchInvoices($0)] } ?? []
    }

    mutating func receivePaymentSums(_ sums: PaymentSums) {
        screen.payments.payoutTotals = sums.payouts
        screen.payments.openInvoices = sums.openInvoices
        screen.payments.invoiceCount = sums.invoiceCount
    }

    /// A page of payouts in the status filter in force.
    func fetchPayouts(_ request: WindowRequest<Payout>) -> Effect {
        .fetchPayouts(status: screen.payments.statusFilter, request)
    }
}
