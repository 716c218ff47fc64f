import Domain

/// What dispatchd needs of a store beyond the protocol routes use: cursors' database id,
/// counts, bulk seeding, GPS history and closing. SQLite and PostgreSQL both provide it.
public protocol ServerStore: Store, SeedSink, UserDirectory {
    /// Identifies this database in cursors, so a cursor from elsewhere resets.
    var databaseId: String { get }
    /// Releases connections; the store cannot be used afterwards.
    func close() async
    /// The driver login of `organization` with the most loads still to work, for `dispatch demo --driver`.
    func busiestDriverLogin(organization: String) async throws -> String
    /// The stored pings of one driver, newest first (operators and tests).
    func positions(of driverId: String, limit: Int) async throws -> [PositionPing]
    /// Moves one slice of the fleet in one transaction (`dispatchd serve --simulate`): `move` gets
    /// each driver and the delivery its load in progress heads for (nil: none). Returns the
    /// sequence number written, nil for an empty fleet.
    func moveFleet(slice: FleetSlice, move: @escaping @Sendable (inout Driver, GeoPoint?) -> Void) async throws -> Int64?
}

extension ServerStore {
    /// The last 100 stored pings of one driver, newest first.
    public func positions(of driverId: String) async throws -> [PositionPing] {
        try await positions(of: driverId, limit: 100)
    }

    /// A load whose driver is under way to its delivery: the fleet simulator drives toward it.
    static var inProgressStatuses: String { "('X3', 'CP', 'AF', 'X6')" }

    /// Loads a driver still has to work: what `busiestDriverLogin` counts.
    static var activeLoadStatuses: String { "('assigned', 'dispatched', 'X3', 'AF', 'X6')" }
}

/// Where the seeder writes: a store that takes rows in bulk.
public protocol SeedSink: Sendable {
    /// Total rows per table (`loads`, `drivers`, …, `users`).
    func counts() async throws -> [String: Int]
    /// Writes one batch in one transaction. Each carrier, then each driver, then each load (with its
    /// events, invoice and payout) takes the next sequence number; users are added or replaced.
    func writeSeed(_ batch: SeedBatch) async throws
}

/// One transaction's worth of seed rows.
public struct SeedBatch: Sendable {
    /// A login to create.
    public struct User: Sendable {
        public var name: String
        public var passwordHash: String
        public var role: Role
        public var driverId: String?
        public var organization: String
    }

    /// The organisation every entity row of the batch belongs to (users name their own).
    public var organization: String
    public var carriers: [Carrier] = []
    public var drivers: [Driver] = []
    public var users: [User] = []
    public var loads: [SeededLoad] = []
}
