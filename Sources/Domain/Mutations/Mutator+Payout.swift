extension Mutator {
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
        try PayoutRules.check(verb, payout, carrier: carrier)
        switch verb {
        case .approve:
            payout.status = .approved
            payout.holdReason = nil
        case .hold:
            payout.status = .held
            payout.holdReason = try PayoutRules.holdReason(args.reason)
        case .quickPay:
            payout.method = .quickPay
            payout.feeCents = Payout.quickPayFee(on: payout.amountCents)
        }
        payout.appliedKeys = Array(((payout.appliedKeys ?? []) + [args.key]).suffix(keptPayoutKeys))
        payout.version += 1
        try store.save(payout)
        return .applied
    }
}
