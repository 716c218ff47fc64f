import Foundation
import GRDB
import Domain

/// The mutators' view of the server database inside a push transaction.
/// Every row written takes the mutation's sequence number.
struct SQLiteMutationStore: MutationStore {
    let db: Database
    let sequence: Int64

    private func body<T: Decodable>(_ type: T.Type, _ table: String, _ id: String) throws -> T? {
        guard let json = try String.fetchOne(db, sql: "SELECT body FROM \(table) WHERE id = ?", arguments: [id]) else {
            return nil
        }
        return try JSONDecoder.wire.decode(T.self, from: Data(json.utf8))
    }

    func load(_ id: String) throws -> Load? { try body(Load.self, "loads", id) }
    func driver(_ id: String) throws -> Driver? { try body(Driver.self, "drivers", id) }
    func carrier(_ id: String) throws -> Carrier? { try body(Carrier.self, "carriers", id) }
    func event(_ id: String) throws -> StatusEvent? { try body(StatusEvent.self, "events", id) }

    func events(forLoad loadId: String) throws -> [StatusEvent] {
        try String.fetchAll(db, sql: "SELECT body FROM events WHERE load_id = ? ORDER BY seq", arguments: [loadId])
            .map { try JSONDecoder.wire.decode(StatusEvent.self, from: Data($0.utf8)) }
    }

    func save(_ load: Load) throws {
        try ServerRows.put(load, db: db, sequence: sequence)
    }

    func insert(_ event: StatusEvent) throws {
        try ServerRows.put(event, db: db, sequence: sequence)
    }
}
