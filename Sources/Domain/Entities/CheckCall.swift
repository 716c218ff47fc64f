/// A dispatcher's record of where a truck is and when it expects to reach its next stop.
public struct CheckCall: Codable, Sendable, Hashable {
    /// Chosen once on the device that recorded it: the idempotency key.
    public var id: String
    /// When the truck was there (seconds since 1970, UTC).
    public var at: Int64
    public var city: String
    public var state: String
    public var lat: Double
    public var lon: Double
    /// The expected arrival at the next stop not yet reached.
    public var etaAt: Int64
    /// Index into the load's stops of the stop the ETA is for.
    public var nextStop: Int
    public var note: String?
    /// The user who recorded it.
    public var recordedBy: String

    public init(id: String, at: Int64, city: String, state: String, lat: Double, lon: Double, etaAt: Int64,
                nextStop: Int, note: String? = nil, recordedBy: String) {
        self.id = id
        self.at = at
        self.city = city
        self.state = state
        self.lat = lat
        self.lon = lon
        self.etaAt = etaAt
        self.nextStop = nextStop
        self.note = note
        self.recordedBy = recordedBy
    }

    /// "Joplin, MO"
    public var place: String { "\(city), \(state)" }
}
