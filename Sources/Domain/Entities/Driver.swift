/// Hours-of-service clocks as last reported, in minutes remaining.
public struct HOSClocks: Codable, Sendable, Hashable {
    public var driveMinutes: Int
    public var shiftMinutes: Int
    public var cycleMinutes: Int
    public var breakMinutes: Int
    public var asOf: Int64

    public init(driveMinutes: Int, shiftMinutes: Int, cycleMinutes: Int, breakMinutes: Int, asOf: Int64) {
        self.driveMinutes = driveMinutes
        self.shiftMinutes = shiftMinutes
        self.cycleMinutes = cycleMinutes
        self.breakMinutes = breakMinutes
        self.asOf = asOf
    }

    /// Federal limits: 11 h driving, 14 h on duty, 70 h in 8 days, break after 8 h of driving.
    public static let full = (drive: 11 * 60, shift: 14 * 60, cycle: 70 * 60, breakAfter: 8 * 60)
}

/// A truck driver, with where it was last seen and what it can still legally drive.
public struct Driver: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var carrierId: String
    public var equipment: String
    public var homeCity: String
    public var homeState: String
    public var lat: Double
    public var lon: Double
    public var positionAt: Int64
    public var hos: HOSClocks
    public var available: Bool
    public var phone: String
    public var version: Int64
    /// Why an unavailable driver is so (nil: available, or set before duty was recorded).
    public var duty: DriverDuty?
    /// When an unavailable or off-duty driver is back.
    public var dutyUntil: Int64?

    public init(id: String, name: String, carrierId: String, equipment: String, homeCity: String,
                homeState: String, lat: Double, lon: Double, positionAt: Int64, hos: HOSClocks,
                available: Bool, phone: String, version: Int64 = 1) {
        self.id = id
        self.name = name
        self.carrierId = carrierId
        self.equipment = equipment
        self.homeCity = homeCity
        self.homeState = homeState
        self.lat = lat
        self.lon = lon
        self.positionAt = positionAt
        self.hos = hos
        self.available = available
        self.phone = phone
        self.version = version
    }

    public var point: GeoPoint { GeoPoint(lat: lat, lon: lon) }
}
