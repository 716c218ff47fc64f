/// One driver for one load, with everything a dispatcher weighs: deadhead to the pickup,
/// equipment, hours of service against the time needed to make the pickup window, and the
/// carrier's verdict. Made by `DriverMatch.rank`, shown by the assign dialog and the CLI.
public struct DriverMatch: Sendable, Hashable {
    public var driver: Driver
    public var carrierName: String
    public var verdict: Verdict
    public var verdictReason: String
    public var deadheadMiles: Int
    public var equipmentMatches: Bool
    /// Driving minutes to reach the pickup at `DriverMatch.averageMph`.
    public var minutesToPickup: Int
    /// The driver's legal driving minutes left (the smallest of the drive, shift and cycle clocks).
    public var hosMinutesLeft: Int
    /// When the driver would reach the pickup, leaving now.
    public var arrivesAt: Int64
    /// Arrives before the pickup window closes.
    public var onTime: Bool

    public init(driver: Driver, carrierName: String, verdict: Verdict, verdictReason: String = "",
                deadheadMiles: Int, equipmentMatches: Bool, minutesToPickup: Int = 0, hosMinutesLeft: Int? = nil,
                arrivesAt: Int64 = 0, onTime: Bool = true) {
        self.driver = driver
        self.carrierName = carrierName
        self.verdict = verdict
        self.verdictReason = verdictReason
        self.deadheadMiles = deadheadMiles
        self.equipmentMatches = equipmentMatches
        self.minutesToPickup = minutesToPickup
        self.hosMinutesLeft = hosMinutesLeft ?? min(driver.hos.driveMinutes, driver.hos.shiftMinutes, driver.hos.cycleMinutes)
        self.arrivesAt = arrivesAt
        self.onTime = onTime
    }

    /// Can legally drive to the pickup on the hours left.
    public var hasHours: Bool { hosMinutesLeft >= minutesToPickup }

    /// What keeps this driver from being a clean match, in words ("late", "out of hours", "equipment R").
    public var warnings: [String] {
        var list: [String] = []
        if !equipmentMatches { list.append("equipment \(driver.equipment)") }
        if !hasHours { list.append("out of hours") }
        if !onTime { list.append("late") }
        if verdict == .warn { list.append("carrier warn") }
        return list
    }

    /// Average truck speed for deadhead estimates, door to door.
    public static let averageMph = 50

    /// Drivers able to take `load`, best first: do-not-use carriers and unavailable drivers are left
    /// out (the assign rule would refuse them); then clean matches before ones with warnings, each by
    /// deadhead. `carriers` is keyed by carrier id.
    public static func rank(_ load: Load, drivers: [Driver], carriers: [String: Carrier], now: Int64,
                            maxDeadheadMiles: Int, limit: Int = 50) -> [DriverMatch] {
        guard let pickup = load.pickup else { return [] }
        var matches: [DriverMatch] = []
        for driver in drivers where driver.available {
            let carrier = carriers[driver.carrierId]
            let verdict = carrier?.verdict ?? .warn
            if verdict == .doNotUse { continue }
            let miles = driver.point.roadMiles(to: pickup.point)
            guard miles <= maxDeadheadMiles else { continue }
            let minutes = (miles * 60 + averageMph - 1) / averageMph
            let arrives = now + Int64(minutes) * 60
            matches.append(DriverMatch(
                driver: driver, carrierName: carrier?.name ?? driver.carrierId, verdict: verdict,
                verdictReason: carrier?.verdictReason ?? "carrier not in this mirror",
                deadheadMiles: miles, equipmentMatches: driver.equipment == load.equipment,
                minutesToPickup: minutes, arrivesAt: arrives, onTime: arrives <= pickup.windowEnd))
        }
        matches.sort { a, b in
            let ka = (a.equipmentMatches ? 0 : 1, a.hasHours && a.onTime ? 0 : 1, a.verdict == .ok ? 0 : 1, a.deadheadMiles)
            let kb = (b.equipmentMatches ? 0 : 1, b.hasHours && b.onTime ? 0 : 1, b.verdict == .ok ? 0 : 1, b.deadheadMiles)
            return ka != kb ? ka < kb : a.driver.id < b.driver.id
        }
        return Array(matches.prefix(limit))
    }
}
