import Foundation
import GRDB
import Domain

/// Writes entities into the mirror's tables: the board's columns plus the full JSON for detail views.
/// Cached statements, because a snapshot writes 100,000 loads at once; a pulled page finds each
/// table's once (`PageWriters`). Upserts, not
/// `INSERT OR REPLACE`: a replace deletes and re-inserts the row and every index entry,
/// an upsert rewrites the row in place and leaves the primary-key index alone.
/// Loads, with their eighteen board indexes, are written column by column (`MirrorRows+Loads`).
enum MirrorRows {
    static func put(_ load: Load, json: String, pending: Bool, db: Database) throws {
        try put(LoadColumns(load), json: json, pending: pending, db: db)
    }

    static func put(_ driver: Driver, json: String, db: Database) throws {
        try RowWriter(db, sql: upsertDriverSQL).write { $0.driver(driver, json: json) }
    }

    static func put(_ carrier: Carrier, json: String, db: Database) throws {
        try RowWriter(db, sql: upsertCarrierSQL).write { $0.carrier(carrier, json: json) }
    }

    static func put(_ event: StatusEvent, json: String, db: Database) throws {
        try RowWriter(db, sql: upsertEventSQL).write { $0.event(EventColumns(event), json: json) }
    }

    static func put(_ invoice: Invoice, json: String, db: Database) throws {
        try RowWriter(db, sql: upsertInvoiceSQL).write { $0.invoice(invoice, json: json) }
    }

    static func put(_ payout: Payout, json: String, db: Database) throws {
        try RowWriter(db, sql: upsertPayoutSQL).write { $0.payout(payout, json: json) }
    }

    static let upsertDriverSQL = """
        INSERT INTO drivers(id, carrier_id, equipment, lat, lon, available, body) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET carrier_id = excluded.carrier_id, equipment = excluded.equipment, lat = excluded.lat, lon = excluded.lon, available = excluded.available, body = excluded.body
        """
    static let upsertCarrierSQL = """
        INSERT INTO carriers(id, name, verdict, body) VALUES (?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET name = excluded.name, verdict = excluded.verdict, body = excluded.body
        """
    static let upsertEventSQL = """
        INSERT INTO events(id, load_id, at, body) VALUES (?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET load_id = excluded.load_id, at = excluded.at, body = excluded.body
        """
    static let upsertInvoiceSQL = """
        INSERT INTO invoices(id, load_id, status, issued_at, amount_cents, body) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET load_id = excluded.load_id, status = excluded.status, issued_at = excluded.issued_at, amount_cents = excluded.amount_cents, body = excluded.body
        """
    static let upsertPayoutSQL = """
        INSERT INTO payouts(id, load_id, carrier_id, status, due_at, body) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET load_id = excluded.load_id, carrier_id = excluded.carrier_id, status = excluded.status, due_at = excluded.due_at, body = excluded.body
        """

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
