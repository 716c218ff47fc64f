extension Mutation {
    /// A free-text note on a load. The note id is generated once on the device and is the
    /// idempotency key, so a note typed offline on two terminals is kept once each.
    public struct AddNote: Codable, Sendable, Hashable {
        public var noteId: String
        public var loadId: String
        public var text: String
        public var at: Int64

        public init(noteId: String, loadId: String, text: String, at: Int64) {
            self.noteId = noteId
            self.loadId = loadId
            self.text = text
            self.at = at
        }
    }

    /// Approve, hold or switch a payout to QuickPay.
    ///
    /// Carries what the user saw when they decided (the payout's version, its amount and
    /// the carrier's verdict), so the server can refuse a decision made on stale facts,
    /// and an idempotency key generated when the user confirmed.
    public struct PayoutAction: Codable, Sendable, Hashable {
        public var payoutId: String
        public var key: String
        public var seenVersion: Int64
        public var seenAmountCents: Int64
        public var seenVerdict: Verdict
        /// Why a payout is held; required for a hold.
        public var reason: String?

        public init(payoutId: String, key: String, seenVersion: Int64, seenAmountCents: Int64,
                    seenVerdict: Verdict, reason: String? = nil) {
            self.payoutId = payoutId
            self.key = key
            self.seenVersion = seenVersion
            self.seenAmountCents = seenAmountCents
            self.seenVerdict = seenVerdict
            self.reason = reason
        }

        /// The action as the user would take it now on `payout` of `carrier`.
        public init(payout: Payout, carrier: Carrier?, key: String, reason: String? = nil) {
            self.init(payoutId: payout.id, key: key, seenVersion: payout.version,
                      seenAmountCents: payout.amountCents, seenVerdict: carrier?.verdict ?? .ok, reason: reason)
        }
    }
}
