import Foundation

/// Radius searches in road miles, done by a database with plain arithmetic: a bounding box for
/// the index, then an equirectangular distance check (within 0.5% of haversine at 300 miles).
extension GeoPoint {
    /// Road miles per straight-line mile: the usual circuity factor for US trucking.
    public static let circuity = 1.17
    /// Statute miles per degree of latitude.
    public static let milesPerDegreeLat = 69.05

    /// Statute miles per degree of longitude at this latitude.
    public var milesPerDegreeLon: Double { 69.17 * cos(lat * .pi / 180) }

    /// The box (lat/lon bounds) holding every point within `roadMiles` of this one.
    public func box(roadMiles: Int) -> (minLat: Double, maxLat: Double, minLon: Double, maxLon: Double) {
        let straight = Double(roadMiles) / GeoPoint.circuity
        let dLat = straight / GeoPoint.milesPerDegreeLat
        // The box is widest in longitude at its pole-ward edge.
        let edgeLat = min(89, abs(lat) + dLat)
        let dLon = straight / max(1, 69.17 * cos(edgeLat * .pi / 180))
        return (lat - dLat, lat + dLat, lon - dLon, lon + dLon)
    }

    /// The squared straight-line radius, in miles², that `roadMiles` allows.
    public static func squaredStraightMiles(roadMiles: Int) -> Double {
        let straight = Double(roadMiles) / circuity
        return straight * straight
    }
}
