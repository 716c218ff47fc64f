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
    /// Pickup and delivery positions, for the map.
    public var originLat: Double
    public var originLon: Double
    public var destLat: Double
    public var destLon: Double
    /// Every stop, the first pickup and the last delivery included.
    public var stopCount: Int

    public init(id: String, reference: String, status: LoadStatus, originCity: String, originState: String,
                destCity: String, destState: String, pickupAt: Int64, equipment: String, fullLoad: Bool,
                weightLbs: Int, lengthFt: Int, miles: Int, rateCents: Int64, ratePerMileCents: Int64,
                postedAt: Int64, driverId: String?, pending: Bool,
                originLat: Double = 0, originLon: Double = 0, destLat: Double = 0, destLon: Double = 0, stopCount: Int = 2) {
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
        self.originLat = originLat
        self.originLon = originLon
        self.destLat = destLat
        self.destLon = destLon
        self.stopCount = stopCount
    }

    /// A board row made from a full load (the detail view opens the assign dialog with it).
    public init(_ load: Load, pending: Bool) {
        let pickup = load.pickup, delivery = load.delivery
        self.init(id: load.id, reference: load.reference, status: load.status, originCity: pickup?.city ?? "",
                  originState: pickup?.state ?? "", destCity: delivery?.city ?? "", destState: delivery?.state ?? "",
                  pickupAt: pickup?.windowStart ?? 0, equipment: load.equipment, fullLoad: load.fullLoad,
                  weightLbs: load.weightLbs, lengthFt: load.lengthFt, miles: load.miles, rateCents: load.rateCents,
                  ratePerMileCents: load.ratePerMileCents, postedAt: load.postedAt, driverId: load.driverId,
                  pending: pending, originLat: pickup?.lat ?? 0, originLon: pickup?.lon ?? 0,
                  destLat: delivery?.lat ?? 0, destLon: delivery?.lon ?? 0, stopCount: load.stops.count)
    }
}
