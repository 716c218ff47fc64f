import Foundation
import GRDB
import Domain

extension MirrorQueries {
    /// The detail view's data for one load, or nil when the mirror no longer has it.
    /// A posted load also gets its five best drivers within `bestDriversWithin` miles.
    public func detail(_ loadId: String, now: Int64, bestDriversWithin miles: Int = 250) async throws -> LoadDetail? {
        let found: LoadDetail? = try await mirror.pool.read { db in
            guard let load = try MirrorQueries.decodeAll(Load.self, db, "SELECT body FROM loads WHERE id = ?", [loadId]).first
            else { return nil }
            let pending = try Bool.fetchOne(db, sql: "SELECT pending FROM loads WHERE id = ?", arguments: [loadId]) ?? false
            let events = try MirrorQueries.decodeAll(StatusEvent.self, db,
                                                     "SELECT body FROM events WHERE load_id = ?", [loadId])
                .sorted(by: StatusEvent.chronological)
            let driver = try load.driverId.flatMap {
                try MirrorQueries.decodeAll(Driver.self, db, "SELECT body FROM drivers WHERE id = ?", [$0]).first
            }
            let carrierId = load.carrierId ?? driver?.carrierId
            let carrier = try carrierId.flatMap {
                try MirrorQueries.decodeAll(Carrier.self, db, "SELECT body FROM carriers WHERE id = ?", [$0]).first
            }
            let invoice = try MirrorQueries.decodeAll(Invoice.self, db, "SELECT body FROM invoices WHERE load_id = ?", [loadId]).first
            let payout = try MirrorQueries.decodeAll(Payout.self, db, "SELECT body FROM payouts WHERE load_id = ?", [loadId]).first
            return LoadDetail(load: load, events: events, driver: driver, carrier: carrier, invoice: invoice,
                              payout: payout, pending: pending)
        }
        guard var detail = found else { return nil }
        if detail.load.status == .posted {
            detail.bestDrivers = try await candidates(for: detail.load, maxDeadheadMiles: miles, now: now, limit: 5)
        }
        return detail
    }
}
