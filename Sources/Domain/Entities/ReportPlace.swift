/// Where a status report says it happened: the driver's own GPS fix when it is fresh,
/// otherwise the stop the report is about.
public struct ReportPlace: Sendable, Hashable {
    /// A GPS position and when it was taken.
    public struct Fix: Sendable, Hashable {
        public var lat: Double
        public var lon: Double
        public var at: Int64
        public init(lat: Double, lon: Double, at: Int64) {
            self.lat = lat
            self.lon = lon
            self.at = at
        }
    }

    public enum Source: Sendable, Hashable {
        /// The driver's GPS, this many seconds old.
        case gps(ageSeconds: Int64)
        /// The stop's own coordinates ("Dallas, TX").
        case stop(place: String)
    }

    public var lat: Double
    public var lon: Double
    public var source: Source

    public init(lat: Double, lon: Double, source: Source) {
        self.lat = lat
        self.lon = lon
        self.source = source
    }

    /// A GPS fix older than this is not where the truck is now.
    public static let freshSeconds: Int64 = 30 * 60

    /// The fix if it is fresh (under 30 minutes old, not from the future), else the stop; nil with neither.
    public static func choose(fix: Fix?, stop: Stop?, now: Int64) -> ReportPlace? {
        if let fix, now - fix.at < freshSeconds, fix.at <= now + 60 {
            return ReportPlace(lat: fix.lat, lon: fix.lon, source: .gps(ageSeconds: max(0, now - fix.at)))
        }
        guard let stop else { return nil }
        return ReportPlace(lat: stop.lat, lon: stop.lon, source: .stop(place: stop.place))
    }

    /// The stop a report of `code` is about: the delivery from arrival there on, else the pickup.
    public static func stop(for code: StatusCode, at index: Int? = nil, in load: Load) -> Stop? {
        if let index, load.stops.indices.contains(index) { return load.stops[index] }
        return (code.status ?? .posted) >= .arrivedDelivery ? load.delivery : load.pickup
    }

    /// "32.7767, -96.7970"
    public var coordinates: String { ReportPlace.coordinates(lat: lat, lon: lon) }

    /// Four decimals (about 10 m), locale-free.
    public static func coordinates(lat: Double, lon: Double) -> String { "\(fixed(lat)), \(fixed(lon))" }

    static func fixed(_ value: Double) -> String {
        let scaled = Int64((abs(value) * 10_000).rounded())
        let fraction = String(scaled % 10_000)
        return (value < 0 && scaled > 0 ? "-" : "") + "\(scaled / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
