import Foundation
import GRDB
import Domain

/// The mutators' view of the server database inside a push transaction.
/// Every row written takes the mutation's sequence number.
struct SQLiteMutationStore: MutationStore {
    let db: Database
    /// The pushing actor's organisation: the only one whose rows it reads or writes.
    let org: String
    let sequence: Int64
    let now: Int64
    /// Loads decoded by earlier pushes, and this push's, to keep once it commits.
    let cache: LoadCache
    let seen: SeenLoads

    private func body<T: Decodable>(_ type: T.Type, _ table: String, _ id: String) throws -> T? {
        guard let json = try String.fetchOne(db.cachedStatement(sql: "SELECT body FROM \(table) WHERE id = ? AND org = ?"),
                                             arguments: [id, org]) else {
            return nil
        }
        return try JSONDecoder.wire.decode(T.self, from: Data(json.utf8))
    }

    func load(_ id: String) throws -> Load? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, body FROM loads WHERE id = ? AND org = ?"),
                                           arguments: [id, org]) else {
            return nil
        }
        let seq: Int64 = row[0]
        if let known = cache.load(id, seq: seq) { return known }
        let json: String = row[1]
        let load = try JSONDecoder.wire.decode(Load.self, from: Data(json.utf8))
        seen.pending.append((seq, load))
        return load
    }
    func driver(_ id: String) throws -> Driver? { try body(Driver.self, "drivers", id) }
    func carrier(_ id: String) throws -> Carrier? { try body(Carrier.self, "carriers", id) }
    func event(_ id: String) throws -> StatusEvent? { try body(StatusEvent.self, "events", id) }
    func payout(_ id: String) throws -> Payout? { try body(Payout.self, "payouts", id) }

    func events(forLoad loadId: String) throws -> [StatusEvent] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT body FROM events WHERE load_id = ? AND org = ? ORDER BY seq"),
                            arguments: [loadId, org])
            .map { try JSONDecoder.wire.decode(StatusEvent.self, from: Data($0.utf8)) }
    }

    func save(_ load: Load) throws {
        let previousDriver = try String.fetchOne(db.cachedStatement(sql: "SELECT driver_id FROM loads WHERE id = ? AND org = ?"),
                                                 arguments: [load.id, org])
        guard try ServerRows.put(load, org: org, db: db, sequence: sequence) else { throw ServerRows.taken("load", load.id) }
        seen.pending.append((sequence, load))
        if let move = ScopeMove(loadId: load.id, from: previousDriver, to: load.driverId, sequence: sequence, now: now) {
            try ScopeMoves.execute(move, db: db)
        }
    }

    func insert(_ event: StatusEvent) throws {
        // The device chose the id; another organisation's event with it stays as it is.
        guard try ServerRows.put(event, org: org, db: db, sequence: sequence) else { throw ServerRows.taken("event", event.id) }
    }

    func save(_ payout: Payout) throws {
        guard try ServerRows.put(payout, org: org, db: db, sequence: sequence) else {
            throw ServerRows.taken("payout", payout.id)
        }
    }

    func save(_ carrier: Carrier) throws {
        guard try ServerRows.put(carrier, org: org, db: db, sequence: sequence) else { throw ServerRows.taken("carrier", carrier.id) }
    }

    func save(_ driver: Driver) throws {
        guard try ServerRows.put(driver, org: org, db: db, sequence: sequence) else { throw ServerRows.taken("driver", driver.id) }
    }
}

/// The loads one push read or wrote, by sequence number: a mutation's are kept when its savepoint
/// commits and dropped when it rolls back, and the push's go into the `LoadCache` once it commits.
final class SeenLoads {
    fileprivate(set) var pending: [(seq: Int64, load: Load)] = []
    private(set) var committed: [(seq: Int64, load: Load)] = []

    func keepPending() {
        committed += pending
        pending.removeAll()
    }

    func dropPending() { pending.removeAll() }
}
