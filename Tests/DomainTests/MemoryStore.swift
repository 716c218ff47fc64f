import Domain

/// An in-memory `MutationStore` for rule tests: the same rules the server and the mirror run.
final class MemoryStore: MutationStore {
    var loads: [String: Load] = [:]
    var drivers: [String: Driver] = [:]
    var carriers: [String: Carrier] = [:]
    var events: [String: StatusEvent] = [:]
    var payouts: [String: Payout] = [:]

    func load(_ id: String) throws -> Load? { loads[id] }
    func driver(_ id: String) throws -> Driver? { drivers[id] }
    func carrier(_ id: String) throws -> Carrier? { carriers[id] }
    func event(_ id: String) throws -> StatusEvent? { events[id] }
    func events(forLoad loadId: String) throws -> [StatusEvent] {
        events.values.filter { $0.loadId == loadId }.sorted { $0.at < $1.at }
    }
    func payout(_ id: String) throws -> Payout? { payouts[id] }
    func save(_ payout: Payout) throws { payouts[payout.id] = payout }
    func save(_ load: Load) throws { loads[load.id] = load }
    func insert(_ event: StatusEvent) throws { events[event.id] = event }
    func save(_ carrier: Carrier) throws { carriers[carrier.id] = carrier }
    func save(_ driver: Driver) throws { drivers[driver.id] = driver }

    static let now: Int64 = 1_795_000_000

    /// One posted load, one available driver of an ok carrier, one of a do-not-use carrier.
    static func fixture() -> MemoryStore {
        let store = MemoryStore()
        let stops = [
            Stop(kind: .pickup, city: "Dallas", state: "TX", zip: "75201", lat: 32.78, lon: -96.80,
                 windowStart: now + 3_600, windowEnd: now + 7_200),
            Stop(kind: .delivery, city: "Memphis", state: "TN", zip: "38103", lat: 35.15, lon: -90.05,
                 windowStart: now + 40_000, windowEnd: now + 50_000),
        ]
        store.loads["L-1"] = Load(id: "L-1", reference: "PO1", shipper: "Acme", stops: stops, equipment: "V",
                                  fullLoad: true, weightLbs: 30_000, lengthFt: 53, commodity: "paper", hazmat: false,
                                  miles: 452, rateCents: 120_000, rateKind: .flat, postedAt: now - 600)
        func carrier(_ id: String, _ verdict: Verdict) -> Carrier {
            Carrier(id: id, name: "Carrier \(id)", dotNumber: "1", mcNumber: "2", allowedToOperate: verdict != .doNotUse,
                    statusCode: "A", oosDate: nil, safetyRating: "Satisfactory", bipdOnFile: 1_000, bipdRequired: 750,
                    cargoOnFile: 100, cargoRequired: 100, insuranceExpiresAt: now + 400 * 86_400,
                    authorityGrantedAt: now - 2_000 * 86_400, powerUnits: 3, verdict: verdict,
                    verdictReason: verdict == .doNotUse ? "out of service" : "ok", checkedAt: now)
        }
        store.carriers["C-1"] = carrier("C-1", .ok)
        store.carriers["C-2"] = carrier("C-2", .doNotUse)
        func driver(_ id: String, carrier: String, available: Bool = true) -> Driver {
            Driver(id: id, name: "Driver \(id)", carrierId: carrier, equipment: "V", homeCity: "Dallas", homeState: "TX",
                   lat: 32.8, lon: -96.8, positionAt: now,
                   hos: HOSClocks(driveMinutes: 600, shiftMinutes: 700, cycleMinutes: 3_000, breakMinutes: 400, asOf: now),
                   available: available, phone: "555")
        }
        store.drivers["D-1"] = driver("D-1", carrier: "C-1")
        store.drivers["D-2"] = driver("D-2", carrier: "C-2")
        store.drivers["D-3"] = driver("D-3", carrier: "C-1", available: false)
        store.payouts["P-1"] = Payout(id: "P-1", loadId: "L-1", carrierId: "C-1", amountCents: 150_000,
                                      method: .standard, feeCents: 0, status: .pending, dueAt: now + 30 * 86_400)
        store.payouts["P-2"] = Payout(id: "P-2", loadId: "L-1", carrierId: "C-2", amountCents: 90_000,
                                      method: .standard, feeCents: 0, status: .pending, dueAt: now + 30 * 86_400)
        return store
    }
}
