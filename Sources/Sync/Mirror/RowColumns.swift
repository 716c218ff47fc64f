import Domain

/// The fields of a load the mirror keeps as columns (the board filters and sorts on them).
///
/// Decoding only these from a pull, and keeping the row's JSON text for the rest, halves the
/// decoding work of a snapshot: JSONDecoder was most of an initial sync's CPU here.
public struct LoadColumns: Decodable, Equatable, Sendable {
    public struct StopColumns: Decodable, Equatable, Sendable {
        var kind: Stop.Kind
        var city: String
        var state: String
        var windowStart: Int64
        var lat: Double
        var lon: Double
    }

    public var id: String
    var reference: String
    var status: LoadStatus
    var equipment: String
    var fullLoad: Bool
    var weightLbs: Int
    var lengthFt: Int
    var miles: Int
    var rateCents: Int64
    var postedAt: Int64
    var driverId: String?
    var carrierId: String?
    var stops: [StopColumns]
    var shipper: String
    var commodity: String

    init(id: String, reference: String, status: LoadStatus, equipment: String, fullLoad: Bool, weightLbs: Int,
         lengthFt: Int, miles: Int, rateCents: Int64, postedAt: Int64, driverId: String?, carrierId: String?,
         stops: [StopColumns], shipper: String, commodity: String) {
        self.id = id
        self.reference = reference
        self.status = status
        self.equipment = equipment
        self.fullLoad = fullLoad
        self.weightLbs = weightLbs
        self.lengthFt = lengthFt
        self.miles = miles
        self.rateCents = rateCents
        self.postedAt = postedAt
        self.driverId = driverId
        self.carrierId = carrierId
        self.stops = stops
        self.shipper = shipper
        self.commodity = commodity
    }

    init(_ load: Load) {
        id = load.id
        reference = load.reference
        status = load.status
        equipment = load.equipment
        fullLoad = load.fullLoad
        weightLbs = load.weightLbs
        lengthFt = load.lengthFt
        miles = load.miles
        rateCents = load.rateCents
        postedAt = load.postedAt
        driverId = load.driverId
        carrierId = load.carrierId
        stops = load.stops.map {
            StopColumns(kind: $0.kind, city: $0.city, state: $0.state, windowStart: $0.windowStart, lat: $0.lat, lon: $0.lon)
        }
        shipper = load.shipper
        commodity = load.commodity
    }

    var pickup: StopColumns? { stops.first { $0.kind == .pickup } }
    var delivery: StopColumns? { stops.last { $0.kind == .delivery } }
}

/// The fields of a status event the mirror keeps as columns.
public struct EventColumns: Decodable, Equatable, Sendable {
    public var id: String
    var loadId: String
    var at: Int64

    init(id: String, loadId: String, at: Int64) {
        self.id = id
        self.loadId = loadId
        self.at = at
    }

    init(_ event: StatusEvent) {
        id = event.id
        loadId = event.loadId
        at = event.at
    }
}
