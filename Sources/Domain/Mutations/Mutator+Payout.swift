extension Mutator {
    /// What a payout action does.
    enum PayoutVerb {
        case approve, hold, quickPay
    }

    /// How many applied idempotency keys a payout remembers.
    static let keptPayoutKeys = 16

    static func payout(_ verb: PayoutVerb, _ args: Mutation.PayoutAction, by actor: Actor,
                       in store: some MutationStore) throws -> MutationOutcome {
        guard actor.role != .driver else {
            throw MutationRejection(.forbidden, "a driver may not change payouts")
        }
        guard var payout = try store.payout(args.payoutId) else {
            throw MutationRejection(.notFound, "no payout \(args.payoutId)")
        }
        if payout.appliedKeys?.contains(args.key) == true { return .alreadyRecorded }
        guard !args.key.isEmpty, args.key.count <= 64 else {
            throw MutationRejection(.invalid, "an idempotency key is 1–64 characters")
        }
        // Decided on what the user saw: a changed amount or verdict needs a fresh decision.
        if payout.version != args.seenVersion, payout.amountCents != args.seenAmountCents {
            throw MutationRejection(.stale, "\(payout.id) amount changed from \(Money.dollars(args.seenAmountCents)) "
                                    + "to \(Money.dollars(payout.amountCents)) since you saw it")
        }
        let carrier = try store.carrier(payout.carrierId)
        if let carrier, carrier.verdict != args.seenVerdict {
            throw MutationRejection(.stale, "carrier \(carrier.name) is now \(carrier.verdict.rawValue) "
                                    + "(\(carrier.verdictReason)), was \(args.seenVerdict.rawValue) when you decided")
        }
        switch verb {
        case .approve:
            guard payout.status == .pending || payout.status == .held else {
                throw MutationRejection(.payoutState, "\(payout.id) is \(payout.status.rawValue); only pending or held payouts can be approved")
            }
            if let carrier, carrier.verdict == .doNotUse {
                throw MutationRejection(.carrierDoNotUse, "carrier \(carrier.name) is do-not-use: \(carrier.verdictReason)")
            }
            payout.status = .approved
            payout.holdReason = nil
        case .hold:
            guard payout.status == .pending || payout.status == .approved else {
                throw MutationRejection(.payoutState, "\(payout.id) is \(payout.status.rawValue); only pending or approved payouts can be held")
            }
            let reason = (args.reason ?? "").trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { throw MutationRejection(.invalid, "a hold needs a reason") }
            payout.status = .held
            payout.holdReason = reason
        case .quickPay:
            guard payout.method == .standard else {
                throw MutationRejection(.payoutState, "\(payout.id) is already QuickPay")
            }
            guard payout.status == .pending || payout.status == .approved || payout.status == .held else {
                throw MutationRejection(.payoutState, "\(payout.id) is \(payout.status.rawValue); it can no longer switch to QuickPay")
            }
            payout.method = .quickPay
            payout.feeCents = Payout.quickPayFee(on: payout.amountCents)
        }
        payout.appliedKeys = Array(((payout.appliedKeys ?? []) + [args.key]).suffix(keptPayoutKeys))
        payout.version += 1
        try store.save(payout)
        return .applied
    }
}
