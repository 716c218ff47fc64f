import Foundation
import GRDB
import Domain

/// Writes entities into the mirror's tables: the board's columns plus the full JSON for detail views.
/// Cached statements, because a snapshot writes 100,000 loads at once.
enum MirrorRows {
    static func put(_ load: Load, json: String, pending: Bool, db: Database) throws {
        try put(LoadColumns(load), json: json, pending: pending, db: db)
    }

    static func put(_ load: LoadColumns, json: String, pending: Bool, db: Database) throws {
        let pickup = load.pickup
        let delivery = load.delivery
        let statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO loads(id, reference, status, equipment, full_load, weight, length, miles,
                rate_cents, rpm_cents, posted_at, origin_city, origin_state, origin_sort, dest_city, dest_state,
                pickup_at, driver_id, carrier_id, pending, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let originCity = pickup?.city ?? ""
        let originState = pickup?.state ?? ""
        try statement.execute(arguments: [
            load.id, load.reference, load.status.rawValue, load.equipment, load.fullLoad, load.weightLbs,
            load.lengthFt, load.miles, load.rateCents, Load.ratePerMile(rateCents: load.rateCents, miles: load.miles),
            load.postedAt, originCity,
            originState, "\(originState) \(originCity)", delivery?.city ?? "", delivery?.state ?? "",
            pickup?.windowStart ?? 0, load.driverId, load.carrierId, pending, json,
        ])
    }

    static func put(_ driver: Driver, json: String, db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO drivers(id, carrier_id, equipment, lat, lon, available, body) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [driver.id, driver.carrierId, driver.equipment, driver.lat, driver.lon,
                                     driver.available, json])
    }

    static func put(_ carrier: Carrier, json: String, db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO carriers(id, name, verdict, body) VALUES (?, ?, ?, ?)")
            .execute(arguments: [carrier.id, carrier.name, carrier.verdict.rawValue, json])
    }

    static func put(_ event: StatusEvent, json: String, db: Database) throws {
        try put(EventColumns(event), json: json, db: db)
    }

    static func put(_ event: EventColumns, json: String, db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO events(id, load_id, at, body) VALUES (?, ?, ?, ?)")
            .execute(arguments: [event.id, event.loadId, event.at, json])
    }

    static func put(_ invoice: Invoice, json: String, db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO invoices(id, load_id, status, issued_at, amount_cents, body) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [invoice.id, invoice.loadId, invoice.status.rawValue, invoice.issuedAt,
                                     invoice.amountCents, json])
    }

    static func put(_ payout: Payout, json: String, db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO payouts(id, load_id, carrier_id, status, due_at, body) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [payout.id, payout.loadId, payout.carrierId, payout.status.rawValue,
                                     payout.dueAt, json])
    }

    static let tables = ["loads", "drivers", "carriers", "events", "invoices", "payouts"]

    static func delete(table: String, id: String, db: Database) throws {
        guard tables.contains(table) else { return }
        try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
    }

    static func body(table: String, id: String, db: Database) throws -> String? {
        guard tables.contains(table) else { return nil }
        return try String.fetchOne(db, sql: "SELECT body FROM \(table) WHERE id = ?", arguments: [id])
    }

    /// Writes a row given as its table name and JSON (used when restoring shadows).
    static func put(table: String, json: String, db: Database) throws {
        let data = Data(json.utf8)
        let decoder = JSONDecoder.wire
        switch table {
        case "loads": try put(try decoder.decode(Load.self, from: data), json: json, pending: false, db: db)
        case "drivers": try put(try decoder.decode(Driver.self, from: data), json: json, db: db)
        case "carriers": try put(try decoder.decode(Carrier.self, from: data), json: json, db: db)
        case "events": try put(try decoder.decode(StatusEvent.self, from: data), json: json, db: db)
        case "invoices": try put(try decoder.decode(Invoice.self, from: data), json: json, db: db)
        case "payouts": try put(try decoder.decode(Payout.self, from: data), json: json, db: db)
        default: break
        }
    }
}
