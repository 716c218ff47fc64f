/// A pickup or delivery point of a load, with its appointment window and what actually happened.
public struct Stop: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case pickup, delivery }

    public var kind: Kind
    public var city: String
    public var state: String
    public var zip: String
    public var lat: Double
    public var lon: Double
    /// Appointment window, seconds since 1970 (UTC).
    public var windowStart: Int64
    public var windowEnd: Int64
    public var arrivedAt: Int64?
    public var departedAt: Int64?

    public init(kind: Kind, city: String, state: String, zip: String, lat: Double, lon: Double,
                windowStart: Int64, windowEnd: Int64, arrivedAt: Int64? = nil, departedAt: Int64? = nil) {
        self.kind = kind
        self.city = city
        self.state = state
        self.zip = zip
        self.lat = lat
        self.lon = lon
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.arrivedAt = arrivedAt
        self.departedAt = departedAt
    }

    public var point: GeoPoint { GeoPoint(lat: lat, lon: lon) }
    /// "Dallas, TX"
    public var place: String { "\(city), \(state)" }
}
