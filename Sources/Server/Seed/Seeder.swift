import Foundation
import HummingbirdBcrypt
import Domain

/// Fills a fresh dispatchd database with realistic, deterministic data.
public struct Seeder: Sendable {
    public struct Options: Sendable {
        public var loads = 100_000
        public var drivers = 2_000
        public var carriers = 800
        public var seed: UInt64 = 42
        /// The clock the data is laid out around (pickups over the next two weeks).
        public var now = Int64(Date().timeIntervalSince1970)
        public init() {}
    }

    /// Logins the seed creates; drivers log in as their id in lower case ("d-17").
    public static let dispatcherLogin = (user: "dispatch", password: "dispatch")
    public static let accountingLogin = (user: "accounting", password: "accounting")
    public static let driverPassword = "driver"
    public static let organization = "Prairie Freight Brokers"

    public let options: Options
    public init(options: Options) { self.options = options }

    /// Seeds `store` (SQLite or PostgreSQL); refuses a database that already has loads so nothing
    /// is overwritten. `progress` gets (rows done, rows total) as batches commit.
    public func run(into store: some SeedSink, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws {
        if let existing = try await store.counts()["loads"], existing > 0 {
            throw ServerError.seed("the database already holds \(existing) loads; seed a new file or delete this one")
        }
        var generator = SeedGenerator(options: options)
        let carriers = generator.carriers()
        let drivers = generator.drivers(carriers: carriers)
        let total = carriers.count + drivers.count + options.loads
        var done = 0
        let driverHash = Bcrypt.hash(Seeder.driverPassword, cost: 8)
        var first = SeedBatch(carriers: carriers, drivers: drivers)
        first.users = [
            .init(name: Seeder.dispatcherLogin.user, passwordHash: Bcrypt.hash(Seeder.dispatcherLogin.password, cost: 10),
                  role: .dispatcher, driverId: nil, organization: Seeder.organization),
            .init(name: Seeder.accountingLogin.user, passwordHash: Bcrypt.hash(Seeder.accountingLogin.password, cost: 10),
                  role: .accounting, driverId: nil, organization: Seeder.organization),
        ] + drivers.map {
            .init(name: $0.id.lowercased(), passwordHash: driverHash, role: .driver, driverId: $0.id,
                  organization: Seeder.organization)
        }
        try await store.writeSeed(first)
        done += carriers.count + drivers.count
        progress(done, total)

        let batch = 5_000
        var next = 1
        while next <= options.loads {
            let upper = min(options.loads, next + batch - 1)
            let rows = (next...upper).map { generator.load(number: $0, drivers: drivers, carriers: carriers) }
            try await store.writeSeed(SeedBatch(loads: rows))
            done += rows.count
            progress(done, total)
            next = upper + 1
        }
    }
}
