/// Columns the load board sorts by.
public enum BoardSort: String, Codable, Sendable, CaseIterable {
    case pickup, ratePerMile = "rpm", origin

    public var label: String {
        switch self {
        case .pickup: "pickup date"
        case .ratePerMile: "rate/mile"
        case .origin: "origin"
        }
    }
}

/// A load board filter and sort, shared by the TUI, `dispatch loads` and the benchmarks.
public struct BoardQuery: Codable, Sendable, Hashable {
    public var status: LoadStatus?
    public var originState: String?
    public var equipment: String?
    public var minRatePerMileCents: Int64?
    /// Only loads assigned to this driver (driver mode).
    public var driverId: String?
    public var sort: BoardSort
    public var descending: Bool

    public init(status: LoadStatus? = nil, originState: String? = nil, equipment: String? = nil,
                minRatePerMileCents: Int64? = nil, driverId: String? = nil,
                sort: BoardSort = .pickup, descending: Bool = false) {
        self.status = status
        self.originState = originState
        self.equipment = equipment
        self.minRatePerMileCents = minRatePerMileCents
        self.driverId = driverId
        self.sort = sort
        self.descending = descending
    }

    /// "status=posted origin=TX equip=V ≥$2.50/mi", or "all loads".
    public var summary: String {
        var parts: [String] = []
        if let status { parts.append("status=\(status.label)") }
        if let originState { parts.append("origin=\(originState)") }
        if let equipment { parts.append("equip=\(equipment)") }
        if let min = minRatePerMileCents { parts.append(">=\(Money.perMile(min))") }
        return parts.isEmpty ? "all loads" : parts.joined(separator: " ")
    }
}

/// The columns of one board row: what the board shows, nothing more.
public struct LoadSummary: Sendable, Hashable, Identifiable, Codable {
    public var id: String
    public var reference: String
    public var status: LoadStatus
    public var originCity: String
    public var originState: String
    public var destCity: String
    public var destState: String
    public var pickupAt: Int64
    public var equipment: String
    public var fullLoad: Bool
    public var weightLbs: Int
    public var lengthFt: Int
    public var miles: Int
    public var rateCents: Int64
    public var ratePerMileCents: Int64
    public var postedAt: Int64
    public var driverId: String?
    /// A local edit to this load is not yet confirmed by the server.
    public var pending: Bool

    public init(id: String, reference: String, status: LoadStatus, originCity: String, originState: String,
                destCity: String, destState: String, pickupAt: Int64, equipment: String, fullLoad: Bool,
                weightLbs: Int, lengthFt: Int, miles: Int, rateCents: Int64, ratePerMileCents: Int64,
                postedAt: Int64, driverId: String?, pending: Bool) {
        self.id = id
        self.reference = reference
        self.status = status
        self.originCity = originCity
        self.originState = originState
        self.destCity = destCity
        self.destState = destState
        self.pickupAt = pickupAt
        self.equipment = equipment
        self.fullLoad = fullLoad
        self.weightLbs = weightLbs
        self.lengthFt = lengthFt
        self.miles = miles
        self.rateCents = rateCents
        self.ratePerMileCents = ratePerMileCents
        self.postedAt = postedAt
        self.driverId = driverId
        self.pending = pending
    }
}
