import Foundation
import GRDB
import Domain

/// Writes entities into the server tables with cached statements (bulk seeding and mutations alike).
/// Upserts rewrite a row in place; `INSERT OR REPLACE` deleted and re-inserted it and its index entries.
///
/// An upsert never changes a row of another organisation (ids are unique across the database):
/// `put` then writes nothing and returns false.
enum ServerRows {
    /// Why a write was refused: the id is used by another organisation's row. The words are the
    /// same whoever holds it, and name nothing of that row.
    static func taken(_ kind: String, _ id: String) -> MutationRejection { .idTaken(kind, id) }

    static func json(_ value: some Encodable, encoder: JSONEncoder = .wire) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @discardableResult
    static func put(_ load: Load, org: String, db: Database, sequence: Int64, encoder: JSONEncoder = .wire) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO loads(id, driver_id, status, seq, body, org) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET driver_id = excluded.driver_id, status = excluded.status, seq = excluded.seq, body = excluded.body
            WHERE org = excluded.org
            """)
        try statement.execute(arguments: [load.id, load.driverId, load.status.rawValue, sequence,
                                          try json(load, encoder: encoder), org])
        return db.changesCount > 0
    }

    @discardableResult
    static func put(_ driver: Driver, org: String, db: Database, sequence: Int64, encoder: JSONEncoder = .wire) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO drivers(id, carrier_id, seq, body, org) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET carrier_id = excluded.carrier_id, seq = excluded.seq, body = excluded.body
            WHERE org = excluded.org
            """)
        try statement.execute(arguments: [driver.id, driver.carrierId, sequence, try json(driver, encoder: encoder), org])
        return db.changesCount > 0
    }

    @discardableResult
    static func put(_ carrier: Carrier, org: String, db: Database, sequence: Int64, encoder: JSONEncoder = .wire) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO carriers(id, verdict, seq, body, org) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET verdict = excluded.verdict, seq = excluded.seq, body = excluded.body
            WHERE org = excluded.org
            """)
        try statement.execute(arguments: [carrier.id, carrier.verdict.rawValue, sequence,
                                          try json(carrier, encoder: encoder), org])
        return db.changesCount > 0
    }

    @discardableResult
    static func put(_ event: StatusEvent, org: String, db: Database, sequence: Int64, encoder: JSONEncoder = .wire) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO events(id, load_id, seq, body, org) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET load_id = excluded.load_id, seq = excluded.seq, body = excluded.body
            WHERE org = excluded.org
            """)
        try statement.execute(arguments: [event.id, event.loadId, sequence, try json(event, encoder: encoder), org])
        return db.changesCount > 0
    }

    @discardableResult
    static func put(_ invoice: Invoice, org: String, db: Database, sequence: Int64, encoder: JSONEncoder = .wire) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO invoices(id, load_id, seq, body, org) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET load_id = excluded.load_id, seq = excluded.seq, body = excluded.body
            WHERE org = excluded.org
            """)
        try statement.execute(arguments: [invoice.id, invoice.loadId, sequence, try json(invoice, encoder: encoder), org])
        return db.changesCount > 0
    }

    @discardableResult
    static func put(_ payout: Payout, org: String, db: Database, sequence: Int64, encoder: JSONEncoder = .wire) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO payouts(id, load_id, seq, body, org) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET load_id = excluded.load_id, seq = excluded.seq, body = excluded.body
            WHERE org = excluded.org
            """)
        try statement.execute(arguments: [payout.id, payout.loadId, sequence, try json(payout, encoder: encoder), org])
        return db.changesCount > 0
    }
}
