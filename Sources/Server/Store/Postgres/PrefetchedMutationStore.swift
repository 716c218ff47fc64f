import Foundation
import Domain

/// The mutators' view of the server inside a PostgreSQL push: rows read beforehand, writes recorded
/// in order to be written back once, at the end of the push, with its sequence number.
///
/// `Mutator` is synchronous and cannot wait on the database, so every row the push's mutations
/// may read is fetched first (`PostgresPrefetch`), in one round trip for the whole push. A read of
/// a row that was not fetched throws `Miss`; the push fetches it, merges it in (rows the push
/// already changed stay as changed) and runs that mutation's rules again.
///
/// One store serves every mutation of a push, so each sees the ones before it. A mutation that
/// misses or is refused is rolled back to its `Mark` by an undo log: copying the store per
/// mutation would make a push of a thousand mutations quadratic.
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
        case carrier(Carrier)
        case driver(Driver)
    }

    /// Where a mutation started: undo entries and writes after it are its own.
    struct Mark {
        fileprivate let undo: Int
        fileprivate let writes: Int
    }

    private enum Undo {
        case load(String, Load??)
        case payout(String, Payout??)
        case carrier(String, Carrier??)
        case driver(String, Driver??)
        case event(StatusEvent, previous: StatusEvent??)
    }

    var loads: [String: Load?] = [:]
    var drivers: [String: Driver?] = [:]
    var carriers: [String: Carrier?] = [:]
    var events: [String: StatusEvent?] = [:]
    /// Events per load, oldest sequence first, for the loads whose events were fetched.
    var eventsByLoad: [String: [StatusEvent]] = [:]
    var payouts: [String: Payout?] = [:]
    /// Event ids of another organisation's events, among those fetched: not ours to insert.
    var takenEvents: Set<String> = []
    /// Load ids of another organisation's loads, among those fetched: a post must not take them.
    var takenLoads: Set<String> = []
    var takenCarriers: Set<String> = []
    var takenDrivers: Set<String> = []
    private(set) var writes: [Write] = []
    /// Events inserted for a load whose list was not fetched yet: added to it when it is.
    private var insertedBeforeFetch: [String: [StatusEvent]] = [:]
    private var undo: [Undo] = []

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
        if takenLoads.contains(load.id) { throw ServerRows.taken("load", load.id) }
        undo.append(.load(load.id, loads[load.id]))
        loads[load.id] = load
        writes.append(.load(load))
    }

    func insert(_ event: StatusEvent) throws {
        // The device chose the id: whether another organisation has it is known once it is fetched.
        guard events[event.id] != nil else { throw Miss(table: "events", id: event.id) }
        if takenEvents.contains(event.id) { throw ServerRows.taken("event", event.id) }
        undo.append(.event(event, previous: events[event.id]))
        events[event.id] = event
        if eventsByLoad[event.loadId] != nil {
            eventsByLoad[event.loadId, default: []].append(event)
        } else {
            insertedBeforeFetch[event.loadId, default: []].append(event)
        }
        writes.append(.event(event))
    }

    func save(_ payout: Payout) throws {
        undo.append(.payout(payout.id, payouts[payout.id]))
        payouts[payout.id] = payout
        writes.append(.payout(payout))
    }

    func save(_ carrier: Carrier) throws {
        // Another organisation's id is refused at write time, as for loads (the fetch reads ours only).
        if takenCarriers.contains(carrier.id) { throw ServerRows.taken("carrier", carrier.id) }
        undo.append(.carrier(carrier.id, carriers[carrier.id]))
        carriers[carrier.id] = carrier
        writes.append(.carrier(carrier))
    }

    func save(_ driver: Driver) throws {
        if takenDrivers.contains(driver.id) { throw ServerRows.taken("driver", driver.id) }
        undo.append(.driver(driver.id, drivers[driver.id]))
        drivers[driver.id] = driver
        writes.append(.driver(driver))
    }

    /// The point to roll back to if the next mutation misses or is refused.
    var mark: Mark { Mark(undo: undo.count, writes: writes.count) }

    /// Undoes every write since `mark`, newest first.
    func rollBack(to mark: Mark) {
        while undo.count > mark.undo {
            switch undo.removeLast() {
            case .load(let id, let previous): loads[id] = previous
            case .payout(let id, let previous): payouts[id] = previous
            case .carrier(let id, let previous): carriers[id] = previous
            case .driver(let id, let previous): drivers[id] = previous
            case .event(let event, let previous):
                events[event.id] = previous
                if eventsByLoad[event.loadId]?.last?.id == event.id {
                    eventsByLoad[event.loadId]?.removeLast()
                } else if insertedBeforeFetch[event.loadId]?.last?.id == event.id {
                    insertedBeforeFetch[event.loadId]?.removeLast()
                }
            }
        }
        writes.removeLast(writes.count - mark.writes)
    }

    /// Adds rows fetched later; a row this push already has (read or changed) is kept as it is.
    func merge(_ fetched: PrefetchedMutationStore) {
        loads.merge(fetched.loads) { kept, _ in kept }
        drivers.merge(fetched.drivers) { kept, _ in kept }
        carriers.merge(fetched.carriers) { kept, _ in kept }
        events.merge(fetched.events) { kept, _ in kept }
        payouts.merge(fetched.payouts) { kept, _ in kept }
        takenEvents.formUnion(fetched.takenEvents)
        takenLoads.formUnion(fetched.takenLoads)
        takenCarriers.formUnion(fetched.takenCarriers)
        takenDrivers.formUnion(fetched.takenDrivers)
        for (loadId, list) in fetched.eventsByLoad where eventsByLoad[loadId] == nil {
            let inserted = insertedBeforeFetch.removeValue(forKey: loadId) ?? []
            eventsByLoad[loadId] = list.filter { event in !inserted.contains { $0.id == event.id } } + inserted
        }
    }
}
