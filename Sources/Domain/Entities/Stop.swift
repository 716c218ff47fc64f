import Foundation

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
    /// Street address or facility, as the poster typed it (the position comes from the city).
    public var address: String?

    public init(kind: Kind, city: String, state: String, zip: String, lat: Double, lon: Double,
                windowStart: Int64, windowEnd: Int64, arrivedAt: Int64? = nil, departedAt: Int64? = nil,
                address: String? = nil) {
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
        self.address = address
    }

    public var point: GeoPoint { GeoPoint(lat: lat, lon: lon) }
    /// "Dallas, TX"
    public var place: String { "\(city), \(state)" }

    /// The zone the stop's appointment is kept in: its city's, or UTC for a city dispatch does not know.
    public var timeZone: TimeZone { City.find(place)?.timeZone ?? TimeZone(secondsFromGMT: 0)! }
}
