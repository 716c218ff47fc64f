import Foundation

/// What a payout action does.
public enum PayoutVerb: String, Sendable, Hashable, CaseIterable {
    case approve, hold, quickPay
}

/// The state rules of the payout actions, in one place: the mutator applies them on both
/// sides, and the console asks them before it offers a confirmation (so an action the rules
/// refuse shows their message and sends nothing).
public enum PayoutRules {
    /// Throws the rule's rejection when `verb` may not be taken on `payout` now.
    public static func check(_ verb: PayoutVerb, _ payout: Payout, carrier: Carrier?) throws {
        switch verb {
        case .approve:
            guard payout.status == .pending || payout.status == .held else {
                throw MutationRejection(.payoutState, "\(payout.id) is \(payout.status.rawValue); only pending or held payouts can be approved")
            }
            if let carrier, carrier.verdict == .doNotUse {
                throw MutationRejection(.carrierDoNotUse, "carrier \(carrier.name) is do-not-use: \(carrier.verdictReason)")
            }
        case .hold:
            guard payout.status == .pending || payout.status == .approved else {
                throw MutationRejection(.payoutState, "\(payout.id) is \(payout.status.rawValue); only pending or approved payouts can be held")
            }
        case .quickPay:
            guard payout.method == .standard else {
                throw MutationRejection(.payoutState, "\(payout.id) is already QuickPay")
            }
            guard payout.status == .pending || payout.status == .approved || payout.status == .held else {
                throw MutationRejection(.payoutState, "\(payout.id) is \(payout.status.rawValue); it can no longer switch to QuickPay")
            }
        }
    }

    /// The hold reason, trimmed; throws when there is none.
    public static func holdReason(_ reason: String?) throws -> String {
        let trimmed = (reason ?? "").trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw MutationRejection(.invalid, "a hold needs a reason") }
        return trimmed
    }

    /// The rejection message of `check`, or nil when the action is allowed.
    public static func problem(_ verb: PayoutVerb, _ payout: Payout, carrier: Carrier?) -> String? {
        do {
            try check(verb, payout, carrier: carrier)
            return nil
        } catch {
            return "\(error)"
        }
    }
}
