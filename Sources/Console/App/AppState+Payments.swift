import Foundation
import Domain
import Views

/// Payments: approve (`A`), hold (`H`, with a reason) and QuickPay (`Q`) the selected payout,
/// each confirmed with the amount and payee; the Domain rules are asked first, so an action
/// they refuse shows their message and nothing is queued.
extension AppState {
    mutating func performOnPayments(_ action: Action) -> [Effect] {
        switch action {
        case .approvePayout: return openPayoutAction(.approve)
        case .holdPayout: return openPayoutAction(.hold)
        case .quickPay: return openPayoutAction(.quickPay)
        case .statusFilter:
            guard screen.payments.tab == .payouts else {
                screen.flash = Flash(.error, "the status filter is for payouts: press t to switch")
                return []
            }
            screen.payments.cycleStatusFilter()
            screen.flash = Flash(.info, "showing \(screen.payments.statusFilter.map { "\($0.rawValue) payouts" } ?? "all payouts")")
            return [fetchPayouts(screen.payments.payouts.reload())]
        default:
            return performOnList(action)
        }
    }

    mutating func openPayoutAction(_ verb: PayoutVerb) -> [Effect] {
        guard role != .driver else {
            screen.flash = Flash(.error, "a driver may not change payouts")
            return []
        }
        guard screen.payments.tab == .payouts else {
            screen.flash = Flash(.error, "payout actions work on the payouts tab: press t to switch")
            return []
        }
        guard let payout = screen.payments.selectedPayout else {
            screen.flash = Flash(.error, "no payout selected")
            return []
        }
        let carrier = screen.payments.carriers[payout.carrierId]
        if let problem = PayoutRules.problem(verb, payout, carrier: carrier) {
            screen.flash = Flash(.error, problem)
            return []
        }
        screen.dialog = .payoutAction(PayoutActionState(verb: verb, payout: payout,
                                                        payeeName: carrier?.name ?? payout.carrierId,
                                                        verdict: carrier?.verdict ?? .ok))
        return []
    }

    mutating func handlePayoutAction(_ key: Key, _ action: inout PayoutActionState) -> [Effect] {
        let confirms = key == .enter || (action.verb != .hold && (key == .char("y") || key == .char("Y")))
        if !confirms {
            if action.verb != .hold, key == .char("n") || key == .char("N") {
                screen.dialog = nil
            } else if action.verb == .hold, AppState.edit(&action.reason, key) {
                action.error = nil
            }
            return []
        }
        var reason: String?
        if action.verb == .hold {
            do {
                reason = try PayoutRules.holdReason(action.reason)
            } catch {
                action.error = "\(error)"
                return []
            }
        }
        let args = Mutation.PayoutAction(payoutId: action.payout.id, key: UUID().uuidString.lowercased(),
                                         seenVersion: action.payout.version, seenAmountCents: action.payout.amountCents,
                                         seenVerdict: action.verdict, reason: reason)
        screen.dialog = nil
        switch action.verb {
        case .approve: return [.mutate(.approvePayout(args))]
        case .hold: return [.mutate(.holdPayout(args))]
        case .quickPay: return [.mutate(.requestQuickPay(args))]
        }
    }
}
