/// What a shipper owes for a delivered load (accounts receivable).
public struct Invoice: Codable, Sendable, Hashable, Identifiable {
    public enum Status: String, Codable, Sendable, CaseIterable { case open, paid, disputed }

    public var id: String
    public var loadId: String
    public var shipper: String
    public var amountCents: Int64
    public var issuedAt: Int64
    public var dueAt: Int64
    public var status: Status
    public var paidAt: Int64?
    public var version: Int64

    public init(id: String, loadId: String, shipper: String, amountCents: Int64, issuedAt: Int64,
                dueAt: Int64, status: Status, paidAt: Int64? = nil, version: Int64 = 1) {
        self.id = id
        self.loadId = loadId
        self.shipper = shipper
        self.amountCents = amountCents
        self.issuedAt = issuedAt
        self.dueAt = dueAt
        self.status = status
        self.paidAt = paidAt
        self.version = version
    }

    /// Aging bucket label by days since issue: 0–30, 31–60, 61–90, 90+.
    public func agingBucket(now: Int64) -> Int {
        let days = (now - issuedAt) / 86_400
        switch days {
        case ..<31: return 0
        case 31...60: return 1
        case 61...90: return 2
        default: return 3
        }
    }

    public static let agingLabels = ["0-30", "31-60", "61-90", "90+"]
}
