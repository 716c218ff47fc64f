/// How a load's rate is quoted.
public enum RateKind: String, Codable, Sendable, CaseIterable {
    case flat, perMile, perTon, perHour
}

/// A shipment offered on the board and followed until delivery.
public struct Load: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    /// The poster's reference number (BOL or PO).
    public var reference: String
    public var shipper: String
    public var stops: [Stop]
    public var equipment: String
    public var fullLoad: Bool
    public var weightLbs: Int
    public var lengthFt: Int
    public var commodity: String
    public var hazmat: Bool
    public var miles: Int
    /// Total line-haul rate in cents (what the board shows as the rate).
    public var rateCents: Int64
    public var rateKind: RateKind
    public var postedAt: Int64
    public var carrierId: String?
    public var driverId: String?
    public var status: LoadStatus
    /// The latest delay reason recorded, if the load is running late.
    public var delay: DelayReason?
    /// Bumped by the server on every change; a client edit carries the version it saw.
    public var version: Int64
    /// Notes in the order the server accepted them; absent from the JSON when there are none.
    public var notes: [LoadNote]?
    /// The rate as quoted in its kind's unit (per mile, ton or hour); absent for a flat rate,
    /// whose quote is `rateCents` itself, and in loads posted before rates had units.
    public var unitRateCents: Int64?
    /// The latest check call: where the truck was and when it expects the next stop.
    public var checkCall: CheckCall?

    public init(id: String, reference: String, shipper: String, stops: [Stop], equipment: String,
                fullLoad: Bool, weightLbs: Int, lengthFt: Int, commodity: String, hazmat: Bool,
                miles: Int, rateCents: Int64, rateKind: RateKind, postedAt: Int64,
                carrierId: String? = nil, driverId: String? = nil, status: LoadStatus = .posted,
                delay: DelayReason? = nil, version: Int64 = 1) {
        self.id = id
        self.reference = reference
        self.shipper = shipper
        self.stops = stops
        self.equipment = equipment
        self.fullLoad = fullLoad
        self.weightLbs = weightLbs
        self.lengthFt = lengthFt
        self.commodity = commodity
        self.hazmat = hazmat
        self.miles = miles
        self.rateCents = rateCents
        self.rateKind = rateKind
        self.postedAt = postedAt
        self.carrierId = carrierId
        self.driverId = driverId
        self.status = status
        self.delay = delay
        self.version = version
    }

    public var pickup: Stop? { stops.first { $0.kind == .pickup } }
    public var delivery: Stop? { stops.last { $0.kind == .delivery } }

    /// Rate per loaded mile in cents, the number dispatchers compare loads by.
    public var ratePerMileCents: Int64 { Load.ratePerMile(rateCents: rateCents, miles: miles) }

    public static func ratePerMile(rateCents: Int64, miles: Int) -> Int64 {
        miles > 0 ? rateCents / Int64(miles) : 0
    }
}
