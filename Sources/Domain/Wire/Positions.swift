/// One GPS fix from a truck's tracker or a driver's phone.
public struct PositionPing: Codable, Sendable, Hashable {
    /// Whose position; a driver's own token may leave it out.
    public var driverId: String?
    public var lat: Double
    public var lon: Double
    /// When the fix was taken (seconds since 1970).
    public var at: Int64
    public var speedMph: Double?
    public var heading: Double?

    public init(driverId: String? = nil, lat: Double, lon: Double, at: Int64, speedMph: Double? = nil, heading: Double? = nil) {
        self.driverId = driverId
        self.lat = lat
        self.lon = lon
        self.at = at
        self.speedMph = speedMph
        self.heading = heading
    }
}

/// `POST /v1/positions`: a batch of pings, oldest first or in any order.
public struct PositionBatch: Codable, Sendable {
    public var pings: [PositionPing]
    public init(pings: [PositionPing]) { self.pings = pings }

    /// Most pings one batch may carry.
    public static let maxPings = 10_000

    /// The first thing wrong with the batch, worded for the sender, or nil.
    ///
    /// - Parameter oldest: pings before this (the retention horizon) are refused: they would
    ///   be pruned at once.
    public func problem(now: Int64, oldest: Int64) -> String? {
        if pings.isEmpty { return "pings: empty batch" }
        if pings.count > PositionBatch.maxPings { return "pings: \(pings.count) in one batch; at most \(PositionBatch.maxPings)" }
        for (index, ping) in pings.enumerated() {
            let at = "pings[\(index)]"
            if !(-90.0 ... 90.0).contains(ping.lat) { return "\(at).lat: \(ping.lat) is not a latitude" }
            if !(-180.0 ... 180.0).contains(ping.lon) { return "\(at).lon: \(ping.lon) is not a longitude" }
            if ping.at > now + 15 * 60 { return "\(at).at: in the future" }
            if ping.at < oldest { return "\(at).at: older than the retention horizon" }
            if let speed = ping.speedMph, !(0 ... 200).contains(speed) { return "\(at).speedMph: \(speed) is not a truck's speed" }
            if let heading = ping.heading, !(0 ... 360).contains(heading) { return "\(at).heading: \(heading) is not 0–360" }
            if let id = ping.driverId, id.isEmpty || id.count > 64 { return "\(at).driverId: 1–64 characters" }
        }
        return nil
    }
}

/// What an ingest did.
public struct PositionsResponse: Codable, Sendable {
    /// Pings stored in the history.
    public var accepted: Int
    /// Drivers whose latest position moved (what the feed will carry, one row each).
    public var driversUpdated: Int
    public init(accepted: Int, driversUpdated: Int) {
        self.accepted = accepted
        self.driversUpdated = driversUpdated
    }
}
