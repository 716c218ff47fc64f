import Foundation
import Domain

/// The mutators' view of the server inside a PostgreSQL push: rows read beforehand, writes recorded
/// in order to be written back afterwards with the mutation's sequence number.
///
/// `Mutator` is synchronous and cannot wait on the database, so every row a mutation may read is
/// fetched first (`PostgresStore.prefetch`). A read of a row that was not fetched throws
/// `Miss`; the push then fetches it too and runs the rules again on a fresh store.
final class PrefetchedMutationStore: MutationStore {
    /// A row the rules asked for that was not prefetched.
    struct Miss: Error {
        var table: String
        var id: String
    }

    /// One write, in the order the rules made it.
    enum Write {
        case load(Load)
        case event(StatusEvent)
        case payout(Payout)
    }

    var loads: [String: Load?] = [:]
    var drivers: [String: Driver?] = [:]
    var carriers: [String: Carrier?] = [:]
    var events: [String: StatusEvent?] = [:]
    /// Events per load, oldest sequence first, for the loads whose events were fetched.
    var eventsByLoad: [String: [StatusEvent]] = [:]
    var payouts: [String: Payout?] = [:]
    private(set) var writes: [Write] = []

    private func get<T>(_ cache: [String: T?], _ table: String, _ id: String) throws -> T? {
        guard let entry = cache[id] else { throw Miss(table: table, id: id) }
        return entry
    }

    func load(_ id: String) throws -> Load? { try get(loads, "loads", id) }
    func driver(_ id: String) throws -> Driver? { try get(drivers, "drivers", id) }
    func carrier(_ id: String) throws -> Carrier? { try get(carriers, "carriers", id) }
    func event(_ id: String) throws -> StatusEvent? { try get(events, "events", id) }
    func payout(_ id: String) throws -> Payout? { try get(payouts, "payouts", id) }

    func events(forLoad loadId: String) throws -> [StatusEvent] {
        guard let list = eventsByLoad[loadId] else { throw Miss(table: "events_of_load", id: loadId) }
        return list
    }

    func save(_ load: Load) throws {
        loads[load.id] = load
        writes.append(.load(load))
    }

    func insert(_ event: StatusEvent) throws {
        events[event.id] = event
        eventsByLoad[event.loadId, default: []].append(event)
        writes.append(.event(event))
    }

    func save(_ payout: Payout) throws {
        payouts[payout.id] = payout
        writes.append(.payout(payout))
    }
}
