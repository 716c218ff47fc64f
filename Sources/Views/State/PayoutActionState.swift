import Domain

/// Payments: approve, hold or QuickPay one payout, confirmed with the amount and payee shown.
public struct PayoutActionState: Sendable, Hashable {
    public var verb: PayoutVerb
    /// The payout as the user saw it when deciding (its version and amount travel with the action).
    public var payout: Payout
    public var payeeName: String
    public var verdict: Verdict
    /// Why the payout is held (hold only).
    public var reason = ""
    public var error: String?

    public init(verb: PayoutVerb, payout: Payout, payeeName: String, verdict: Verdict) {
        self.verb = verb
        self.payout = payout
        self.payeeName = payeeName
        self.verdict = verdict
    }

    /// The QuickPay fee by Domain's rule, and what the carrier receives after it.
    public var quickPayFeeCents: Int64 { Payout.quickPayFee(on: payout.amountCents) }
    public var quickPayNetCents: Int64 { payout.amountCents - quickPayFeeCents }

    public var title: String {
        switch verb {
        case .approve: "Approve \(payout.id)?"
        case .hold: "Hold \(payout.id)"
        case .quickPay: "QuickPay \(payout.id)?"
        }
    }
}
