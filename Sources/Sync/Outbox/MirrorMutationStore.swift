import Foundation
import GRDB
import Domain

/// The mutators' view of the mirror: reads the local view, and before the first
/// optimistic write to a row saves the server's version of it in `shadow`.
struct MirrorMutationStore: MutationStore {
    let db: Database

    private func decode<T: Decodable>(_ type: T.Type, _ table: String, _ id: String) throws -> T? {
        guard let json = try MirrorRows.body(table: table, id: id, db: db) else { return nil }
        return try JSONDecoder.wire.decode(T.self, from: Data(json.utf8))
    }

    func load(_ id: String) throws -> Load? { try decode(Load.self, "loads", id) }
    func driver(_ id: String) throws -> Driver? { try decode(Driver.self, "drivers", id) }
    func carrier(_ id: String) throws -> Carrier? { try decode(Carrier.self, "carriers", id) }
    func event(_ id: String) throws -> StatusEvent? { try decode(StatusEvent.self, "events", id) }
    func payout(_ id: String) throws -> Payout? { try decode(Payout.self, "payouts", id) }

    func events(forLoad loadId: String) throws -> [StatusEvent] {
        try String.fetchAll(db, sql: "SELECT body FROM events WHERE load_id = ? ", arguments: [loadId])
            .map { try JSONDecoder.wire.decode(StatusEvent.self, from: Data($0.utf8)) }
            .sorted(by: StatusEvent.chronological)
    }

    func save(_ load: Load) throws {
        try captureShadow(table: "loads", id: load.id)
        try MirrorRows.put(load, json: try json(load), pending: true, db: db)
    }

    func insert(_ event: StatusEvent) throws {
        try captureShadow(table: "events", id: event.id)
        try MirrorRows.put(event, json: try json(event), db: db)
    }

    func save(_ payout: Payout) throws {
        try captureShadow(table: "payouts", id: payout.id)
        try MirrorRows.put(payout, json: try json(payout), db: db)
    }

    func save(_ carrier: Carrier) throws {
        try captureShadow(table: "carriers", id: carrier.id)
        try MirrorRows.put(carrier, json: try json(carrier), db: db)
    }

    func save(_ driver: Driver) throws {
        try captureShadow(table: "drivers", id: driver.id)
        try MirrorRows.put(driver, json: try json(driver), db: db)
    }

    private func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder.wire.encode(value), as: UTF8.self)
    }

    /// Keeps the first (server) version only: later optimistic writes must not overwrite it.
    private func captureShadow(table: String, id: String) throws {
        let current = try MirrorRows.body(table: table, id: id, db: db)
        try db.execute(sql: "INSERT OR IGNORE INTO shadow(tbl, id, body) VALUES (?, ?, ?)",
                       arguments: [table, id, current])
    }
}
