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
}
