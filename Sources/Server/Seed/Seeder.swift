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
        /// The tenants to create, each sized by its share of the counts above.
        public var organizations: [SeedOrganization] = [.primary]
        public init() {}
    }

    /// Logins the seed creates; drivers log in as their id in lower case ("d-17"). Another
    /// organisation's dispatcher and accounting logins carry its `loginPrefix`, same passwords.
    public static let dispatcherLogin = (user: "dispatch", password: "dispatch")
    public static let accountingLogin = (user: "accounting", password: "accounting")
    public static let driverPassword = "driver"
    public static let organization = SeedOrganization.primary.name

    public let options: Options
    public init(options: Options) { self.options = options }

    /// Seeds `store` (SQLite or PostgreSQL); refuses a database that already has loads so nothing
    /// is overwritten. `progress` gets (rows done, rows total) as batches commit.
    public func run(into store: some SeedSink, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws {
        if let existing = try await store.counts()["loads"], existing > 0 {
            throw ServerError.seed("the database already holds \(existing) loads; seed a new file or delete this one")
        }
        let sized = options.organizations.map { organization in
            var scaled = options
            scaled.loads = organization.scaled(options.loads)
            scaled.drivers = organization.scaled(options.drivers)
            scaled.carriers = organization.scaled(options.carriers)
            return (organization, scaled)
        }
        let total = sized.reduce(0) { $0 + $1.1.carriers + $1.1.drivers + $1.1.loads }
        var done = 0
        let driverHash = Bcrypt.hash(Seeder.driverPassword, cost: 8)
        for (index, (organization, scaled)) in sized.enumerated() {
            var seeded = scaled
            // Another tenant's data is not a copy of the first one's.
            seeded.seed = options.seed &+ UInt64(index) &* 7_919
            try await seed(organization, options: seeded, driverHash: driverHash, into: store) { rows in
                done += rows
                progress(done, total)
            }
        }
    }

    private func seed(_ organization: SeedOrganization, options: Options, driverHash: String, into store: some SeedSink,
                      progress: (Int) -> Void) async throws {
        var generator = SeedGenerator(options: options, idPrefix: organization.idPrefix)
        let carriers = generator.carriers()
        let drivers = generator.drivers(carriers: carriers)
        let name = organization.name
        var first = SeedBatch(organization: name, carriers: carriers, drivers: drivers)
        first.users = [
            .init(name: organization.loginPrefix + Seeder.dispatcherLogin.user,
                  passwordHash: Bcrypt.hash(Seeder.dispatcherLogin.password, cost: 10),
                  role: .dispatcher, driverId: nil, organization: name),
            .init(name: organization.loginPrefix + Seeder.accountingLogin.user,
                  passwordHash: Bcrypt.hash(Seeder.accountingLogin.password, cost: 10),
                  role: .accounting, driverId: nil, organization: name),
        ] + drivers.map {
            .init(name: $0.id.lowercased(), passwordHash: driverHash, role: .driver, driverId: $0.id, organization: name)
        }
        try await store.writeSeed(first)
        progress(carriers.count + drivers.count)

        let batch = 5_000
        var next = 1
        while next <= options.loads {
            let upper = min(options.loads, next + batch - 1)
            let rows = (next...upper).map { generator.load(number: $0, drivers: drivers, carriers: carriers) }
            try await store.writeSeed(SeedBatch(organization: name, loads: rows))
            progress(rows.count)
            next = upper + 1
        }
    }
}
