/// What the broker pays a carrier for a load (accounts payable).
public struct Payout: Codable, Sendable, Hashable, Identifiable {
    public enum Status: String, Codable, Sendable, CaseIterable { case pending, approved, held, paid, failed }
    public enum Method: String, Codable, Sendable, CaseIterable { case standard, quickPay }

    public var id: String
    public var loadId: String
    public var carrierId: String
    public var amountCents: Int64
    public var method: Method
    /// QuickPay fee withheld (1.5–5% of the line haul); zero for standard terms.
    public var feeCents: Int64
    public var status: Status
    public var dueAt: Int64
    public var version: Int64
    /// Why accounting held it.
    public var holdReason: String?
    /// Idempotency keys of the actions already applied (the latest few), so the same
    /// decision sent again through another path changes nothing.
    public var appliedKeys: [String]?

    public init(id: String, loadId: String, carrierId: String, amountCents: Int64, method: Method,
                feeCents: Int64, status: Status, dueAt: Int64, version: Int64 = 1) {
        self.id = id
        self.loadId = loadId
        self.carrierId = carrierId
        self.amountCents = amountCents
        self.method = method
        self.feeCents = feeCents
        self.status = status
        self.dueAt = dueAt
        self.version = version
    }

    public var netCents: Int64 { amountCents - feeCents }

    /// The QuickPay fee the broker withholds, in basis points of the amount (3%).
    public static let quickPayFeeBasisPoints: Int64 = 300

    /// The fee QuickPay on this amount costs the carrier, rounded to the cent.
    public static func quickPayFee(on amountCents: Int64) -> Int64 {
        (amountCents * quickPayFeeBasisPoints + 5_000) / 10_000
    }
}
