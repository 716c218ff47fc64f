import Foundation

/// A WGS84 position.
public struct GeoPoint: Codable, Sendable, Hashable {
    public var lat: Double
    public var lon: Double

    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// Great-circle distance in statute miles (haversine).
    public func miles(to other: GeoPoint) -> Double {
        let r = 3_958.8
        let dLat = (other.lat - lat) * .pi / 180
        let dLon = (other.lon - lon) * .pi / 180
        let a = sin(dLat / 2) * sin(dLat / 2)
            + cos(lat * .pi / 180) * cos(other.lat * .pi / 180) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, sqrt(a)))
    }

    /// Road miles are longer than the crow flies; 1.17 is the usual circuity factor for US trucking.
    public func roadMiles(to other: GeoPoint) -> Int {
        Int((miles(to: other) * 1.17).rounded())
    }
}
