import GRDB
import Domain

/// The upserts of one pulled page, each found once and bound column by column (`RowWriter`).
struct PageWriters {
    let loads, drivers, carriers, events, invoices, payouts: RowWriter

    init(_ db: Database) throws {
        loads = try RowWriter(db, sql: MirrorRows.upsertLoadSQL)
        drivers = try RowWriter(db, sql: MirrorRows.upsertDriverSQL)
        carriers = try RowWriter(db, sql: MirrorRows.upsertCarrierSQL)
        events = try RowWriter(db, sql: MirrorRows.upsertEventSQL)
        invoices = try RowWriter(db, sql: MirrorRows.upsertInvoiceSQL)
        payouts = try RowWriter(db, sql: MirrorRows.upsertPayoutSQL)
    }
}

/// Each table's upsert parameters, in the order of its SQL in `MirrorRows`.
extension RowBinder {
    /// The same values, in the same order, as `MirrorRows.values(of:)`, which a delta compares
    /// with the stored row: were they to differ, every unchanged load would be written again, and
    /// `LoadWriteTests` would say so.
    mutating func load(_ load: LoadColumns, json: String, pending: Bool) {
        let pickup = load.pickup, delivery = load.delivery
        let originCity = pickup?.city ?? "", originState = pickup?.state ?? ""
        text(load.id)
        text(load.reference); text(load.status.rawValue); text(load.equipment); bool(load.fullLoad)
        int(load.weightLbs); int(load.lengthFt); int(load.miles); int(load.rateCents)
        int(Load.ratePerMile(rateCents: load.rateCents, miles: load.miles)); int(load.postedAt)
        text(originCity); text(originState); text("\(originState) \(originCity)")
        text(delivery?.city ?? ""); text(delivery?.state ?? ""); int(pickup?.windowStart ?? 0)
        text(load.driverId); text(load.carrierId); bool(pending); text(json)
        text(load.shipper); text(load.commodity)
        double(pickup?.lat ?? 0); double(pickup?.lon ?? 0); double(delivery?.lat ?? 0); double(delivery?.lon ?? 0)
        int(load.stops.count)
    }

    mutating func driver(_ driver: Driver, json: String) {
        text(driver.id); text(driver.carrierId); text(driver.equipment); double(driver.lat); double(driver.lon)
        bool(driver.available); text(json)
    }

    mutating func carrier(_ carrier: Carrier, json: String) {
        text(carrier.id); text(carrier.name); text(carrier.verdict.rawValue); text(json)
    }

    mutating func event(_ event: EventColumns, json: String) {
        text(event.id); text(event.loadId); int(event.at); text(json)
    }

    mutating func invoice(_ invoice: Invoice, json: String) {
        text(invoice.id); text(invoice.loadId); text(invoice.status.rawValue); int(invoice.issuedAt)
        int(invoice.amountCents); text(json)
    }

    mutating func payout(_ payout: Payout, json: String) {
        text(payout.id); text(payout.loadId); text(payout.carrierId); text(payout.status.rawValue); int(payout.dueAt)
        text(json)
    }
}
