import Foundation
import Logging
import PostgresNIO
import Domain

/// Reads, in one round trip, every row a push's rules may read: each mutation's load and its
/// events, the driver and its carrier, the event by id, the payout and its carrier.
///
/// The push holds the `seq` row lock, so no other writer runs and the rows cannot change
/// between this read and the write-back; no row locks are needed.
struct PostgresPrefetch {
    /// The ids to fetch, grown by `Miss`es when the rules ask for more.
    struct Keys {
        var loads: Set<String> = []
        var eventsOfLoads: Set<String> = []
        var events: Set<String> = []
        var drivers: Set<String> = []
        var carriers: Set<String> = []
        var payouts: Set<String> = []

        init() {}

        /// The keys of every mutation in `mutations`.
        init(_ mutations: some Sequence<Mutation>) {
            for mutation in mutations {
                let keys = Keys(mutation)
                loads.formUnion(keys.loads)
                eventsOfLoads.formUnion(keys.eventsOfLoads)
                events.formUnion(keys.events)
                drivers.formUnion(keys.drivers)
                carriers.formUnion(keys.carriers)
                payouts.formUnion(keys.payouts)
            }
        }

        init(_ mutation: Mutation) {
            if let loadId = mutation.loadId { loads.insert(loadId) }
            switch mutation {
            case .assignLoad(let args): drivers.insert(args.driverId)
            case .recordStatus(let args):
                // Only status rules read a load's events; any other that did would miss and fetch them.
                events.insert(args.eventId)
                eventsOfLoads.insert(args.loadId)
            case .approvePayout(let args), .holdPayout(let args), .requestQuickPay(let args): payouts.insert(args.payoutId)
            case .cancelLoad(let args): events.insert(args.eventId); eventsOfLoads.insert(args.loadId)
            case .tenderLoad(let args): events.insert(args.eventId); eventsOfLoads.insert(args.loadId)
            case .addCarrier(let args): carriers.insert(args.carrierId)
            case .markCarrier(let args): carriers.insert(args.carrierId)
            case .addDriver(let args): drivers.insert(args.driverId); carriers.insert(args.carrierId)
            case .setDriverDuty(let args): drivers.insert(args.driverId)
            case .unassignLoad, .addNote, .postLoad, .editLoad, .checkCall: break
            }
        }

        mutating func add(_ miss: PrefetchedMutationStore.Miss) {
            switch miss.table {
            case "loads": loads.insert(miss.id)
            case "events_of_load": eventsOfLoads.insert(miss.id)
            case "events": events.insert(miss.id)
            case "drivers": drivers.insert(miss.id)
            case "carriers": carriers.insert(miss.id)
            default: payouts.insert(miss.id)
            }
        }
    }

    let connection: PostgresConnection
    let logger: Logger
    /// Loads decoded before: a load still at the cached sequence number comes without its body.
    let cache: LoadCache
    /// The pushing actor's organisation: rows of any other read as absent.
    let org: String

    func fetch(_ keys: Keys) async throws -> PrefetchedMutationStore {
        let loads = Array(keys.loads), ofLoads = Array(keys.eventsOfLoads), events = Array(keys.events)
        let drivers = Array(keys.drivers), carriers = Array(keys.carriers), payouts = Array(keys.payouts)
        let cachedSeqs = loads.map { cache.seq($0) }
        let org = self.org
        // 'taken': an event id the device chose that another organisation's event already has.
        let rows = try await connection.query("""
            SELECT 'loads', l.id, l.seq, CASE WHEN l.seq = k.seq THEN NULL ELSE l.body END
                FROM unnest(\(loads)::text[], \(cachedSeqs)::bigint[]) AS k(id, seq)
                JOIN loads l ON l.id = k.id AND l.org = \(org)
            UNION ALL SELECT 'events', id, seq, body FROM events
                WHERE org = \(org) AND (load_id = ANY(\(ofLoads)) OR id = ANY(\(events)))
            UNION ALL SELECT 'taken', id, seq, NULL FROM events WHERE id = ANY(\(events)) AND org <> \(org)
            UNION ALL SELECT 'taken-load', id, seq, NULL FROM loads WHERE id = ANY(\(loads)) AND org <> \(org)
            UNION ALL SELECT 'taken-carrier', id, seq, NULL FROM carriers WHERE id = ANY(\(carriers)) AND org <> \(org)
            UNION ALL SELECT 'taken-driver', id, seq, NULL FROM drivers WHERE id = ANY(\(drivers)) AND org <> \(org)
            UNION ALL SELECT 'drivers', id, seq, body FROM drivers WHERE id = ANY(\(drivers)) AND org = \(org)
            UNION ALL SELECT 'carriers', id, seq, body FROM carriers WHERE org = \(org) AND (id = ANY(\(carriers))
                OR id IN (SELECT carrier_id FROM drivers WHERE id = ANY(\(drivers)))
                OR id IN (SELECT body::json->>'carrierId' FROM payouts WHERE id = ANY(\(payouts))))
            UNION ALL SELECT 'payouts', id, seq, body FROM payouts WHERE id = ANY(\(payouts)) AND org = \(org)
            """, logger: logger)
        let store = PrefetchedMutationStore()
        var loadEvents: [(seq: Int64, event: StatusEvent)] = []
        let decoder = JSONDecoder.wire
        var decoded: [(seq: Int64, load: Load)] = []
        var replaced: [String] = []
        for try await (table, id, seq, body) in rows.decode((String, String, Int64, String?).self) {
            if table == "taken" {
                store.takenEvents.insert(id)
                continue
            }
            if table == "taken-load" {
                store.takenLoads.insert(id)
                continue
            }
            if table == "taken-carrier" {
                store.takenCarriers.insert(id)
                continue
            }
            if table == "taken-driver" {
                store.takenDrivers.insert(id)
                continue
            }
            guard let body else {
                // Unchanged since it was cached (only loads come without a body). The entry may
                // have been replaced by a newer one since the query was sent: read it again.
                if let load = cache.load(id, seq: seq) { store.loads[id] = load } else { replaced.append(id) }
                continue
            }
            let data = Data(body.utf8)
            switch table {
            case "loads":
                let load = try decoder.decode(Load.self, from: data)
                store.loads[id] = load
                decoded.append((seq, load))
            case "events":
                let event = try decoder.decode(StatusEvent.self, from: data)
                store.events[id] = event
                loadEvents.append((seq, event))
            case "drivers": store.drivers[id] = try decoder.decode(Driver.self, from: data)
            case "carriers": store.carriers[id] = try decoder.decode(Carrier.self, from: data)
            default: store.payouts[id] = try decoder.decode(Payout.self, from: data)
            }
        }
        if !replaced.isEmpty {
            let again = try await connection.query("""
                SELECT id, seq, body FROM loads WHERE id = ANY(\(replaced)) AND org = \(org)
                """, logger: logger)
            for try await (id, seq, body) in again.decode((String, Int64, String).self) {
                let load = try decoder.decode(Load.self, from: Data(body.utf8))
                store.loads[id] = load
                decoded.append((seq, load))
            }
        }
        cache.remember(decoded)
        // What was asked for and not found is known to be absent (nil), not a miss.
        for id in loads where store.loads[id] == nil { store.loads[id] = .some(nil) }
        for id in events where store.events[id] == nil { store.events[id] = .some(nil) }
        for id in drivers where store.drivers[id] == nil { store.drivers[id] = .some(nil) }
        let referenced = store.drivers.values.compactMap { $0?.carrierId } + store.payouts.values.compactMap { $0?.carrierId }
        for id in carriers + referenced where store.carriers[id] == nil { store.carriers[id] = .some(nil) }
        for id in payouts where store.payouts[id] == nil { store.payouts[id] = .some(nil) }
        // Oldest first, as the SQLite store orders them (ties by id).
        loadEvents.sort { ($0.seq, $0.event.id) < ($1.seq, $1.event.id) }
        for id in ofLoads { store.eventsByLoad[id] = [] }
        for (_, event) in loadEvents where keys.eventsOfLoads.contains(event.loadId) {
            store.eventsByLoad[event.loadId, default: []].append(event)
        }
        return store
    }
}
