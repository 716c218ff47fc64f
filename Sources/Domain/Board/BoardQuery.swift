/// A load board filter and sort, shared by the TUI, `dispatch loads`, saved views and the benchmarks.
/// Every field is optional: nil (or empty) means "any".
public struct BoardQuery: Codable, Sendable, Hashable {
    public var status: LoadStatus?
    /// Origin by state, city, or city with a deadhead radius.
    public var origin: PlaceFilter?
    public var destination: PlaceFilter?
    /// Equipment codes; a load matches any of them.
    public var equipment: [String]
    /// Pickup window start, from and to (Unix seconds, inclusive).
    public var pickupFrom: Int64?
    public var pickupTo: Int64?
    public var minRatePerMileCents: Int64?
    public var maxWeightLbs: Int?
    public var maxLengthFt: Int?
    /// true: full truckload only; false: partial (LTL) only.
    public var fullLoad: Bool?
    /// Posted within this many minutes.
    public var maxAgeMinutes: Int?
    /// Full-text search over reference, shipper, commodity and cities.
    public var text: String?
    /// Only loads assigned to this driver (driver mode).
    public var driverId: String?
    public var sort: BoardSort
    public var descending: Bool
    /// Open work only: posted and assigned loads whose pickup is today or later. Optional so
    /// saved views written before it decode; nil is false.
    public var openWork: Bool?

    public init(status: LoadStatus? = nil, origin: PlaceFilter? = nil, destination: PlaceFilter? = nil,
                equipment: [String] = [], pickupFrom: Int64? = nil, pickupTo: Int64? = nil,
                minRatePerMileCents: Int64? = nil, maxWeightLbs: Int? = nil, maxLengthFt: Int? = nil,
                fullLoad: Bool? = nil, maxAgeMinutes: Int? = nil, text: String? = nil, driverId: String? = nil,
                sort: BoardSort = .pickup, descending: Bool = false) {
        self.status = status
        self.origin = origin
        self.destination = destination
        self.equipment = equipment
        self.pickupFrom = pickupFrom
        self.pickupTo = pickupTo
        self.minRatePerMileCents = minRatePerMileCents
        self.maxWeightLbs = maxWeightLbs
        self.maxLengthFt = maxLengthFt
        self.fullLoad = fullLoad
        self.maxAgeMinutes = maxAgeMinutes
        self.text = text
        self.driverId = driverId
        self.sort = sort
        self.descending = descending
    }

    /// What the board opens on: open work, soonest pickup first.
    public static let openWorkFirst: BoardQuery = {
        var query = BoardQuery()
        query.openWork = true
        return query
    }()

    /// The statuses open work covers.
    public static let openStatuses: [LoadStatus] = [.posted, .assigned]

    /// The same query with no filters, keeping its sort.
    public var cleared: BoardQuery { BoardQuery(sort: sort, descending: descending) }

    /// A radius in the query still needs its centre looked up.
    public var needsCenters: Bool { origin?.needsCenter == true || destination?.needsCenter == true }

    /// "posted from Dallas, TX +150mi to CA equip=V,R >=$2.50/mi", or "all loads".
    public var summary: String {
        var parts: [String] = []
        if openWork == true { parts.append("open work (posted, assigned; pickup today on)") }
        if let text { parts.append("\"\(text)\"") }
        if let status { parts.append("status=\(status.label)") }
        if let origin { parts.append("from \(origin.label)") }
        if let destination { parts.append("to \(destination.label)") }
        if !equipment.isEmpty { parts.append("equip=\(equipment.joined(separator: ","))") }
        if let min = minRatePerMileCents { parts.append(">=\(Money.perMile(min))") }
        if pickupFrom != nil || pickupTo != nil {
            parts.append("pickup \(pickupFrom.map(Format.date) ?? "…")–\(pickupTo.map(Format.date) ?? "…")")
        }
        if let maxWeightLbs { parts.append("<=\(Format.count(maxWeightLbs))lb") }
        if let maxLengthFt { parts.append("<=\(maxLengthFt)ft") }
        if let fullLoad { parts.append(fullLoad ? "full" : "partial") }
        if let maxAgeMinutes { parts.append("posted <\(Format.age(Int64(maxAgeMinutes) * 60))") }
        return parts.isEmpty ? "all loads" : parts.joined(separator: " ")
    }
}

extension BoardQuery {
    /// The same filters in the default order: two queries with equal `ignoringSort` match the
    /// same loads, so their count and average are the same.
    public var ignoringSort: BoardQuery {
        var query = self
        query.sort = BoardQuery().sort
        query.descending = BoardQuery().descending
        return query
    }
}
