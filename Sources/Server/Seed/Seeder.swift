import Foundation
import GRDB
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

    /// Seeds `store`; refuses a database that already has loads so nothing is overwritten.
    /// `progress` gets (rows done, rows total) as batches commit.
    public func run(into store: SQLiteStore, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws {
        if let existing = try await store.counts()["loads"], existing > 0 {
            throw ServerError.seed("the database already holds \(existing) loads; seed a new file or delete this one")
        }
        var generator = SeedGenerator(options: options)
        let carriers = generator.carriers()
        let drivers = generator.drivers(carriers: carriers)
        let total = carriers.count + drivers.count + options.loads
        var done = 0
        let driverHash = Bcrypt.hash(Seeder.driverPassword, cost: 8)
        let dispatcherHash = Bcrypt.hash(Seeder.dispatcherLogin.password, cost: 10)
        let accountingHash = Bcrypt.hash(Seeder.accountingLogin.password, cost: 10)
        try await store.pool.write { db in
            var seq = try SQLiteStore.sequence(db)
            for carrier in carriers { seq += 1; try ServerRows.put(carrier, db: db, sequence: seq) }
            for driver in drivers { seq += 1; try ServerRows.put(driver, db: db, sequence: seq) }
            try store.putUser(db, name: Seeder.dispatcherLogin.user, passwordHash: dispatcherHash,
                              role: .dispatcher, driverId: nil, organization: Seeder.organization)
            try store.putUser(db, name: Seeder.accountingLogin.user, passwordHash: accountingHash,
                              role: .accounting, driverId: nil, organization: Seeder.organization)
            for driver in drivers {
                try store.putUser(db, name: driver.id.lowercased(), passwordHash: driverHash, role: .driver,
                                  driverId: driver.id, organization: Seeder.organization)
            }
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'seq'", arguments: [String(seq)])
        }
        done += carriers.count + drivers.count
        progress(done, total)

        let batch = 5_000
        var next = 1
        while next <= options.loads {
            let upper = min(options.loads, next + batch - 1)
            let rows = (next...upper).map { generator.load(number: $0, drivers: drivers, carriers: carriers) }
            try await store.pool.write { db in
                let encoder = JSONEncoder.wire
                var seq = try SQLiteStore.sequence(db)
                for row in rows {
                    seq += 1
                    try ServerRows.put(row.load, db: db, sequence: seq, encoder: encoder)
                    for event in row.events { try ServerRows.put(event, db: db, sequence: seq, encoder: encoder) }
                    if let invoice = row.invoice { try ServerRows.put(invoice, db: db, sequence: seq, encoder: encoder) }
                    if let payout = row.payout { try ServerRows.put(payout, db: db, sequence: seq, encoder: encoder) }
                }
                try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'seq'", arguments: [String(seq)])
            }
            done += rows.count
            progress(done, total)
            next = upper + 1
        }
    }
}
