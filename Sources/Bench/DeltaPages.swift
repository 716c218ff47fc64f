import Foundation
import GRDB
import Domain
import Sync

/// A day's worth of server changes for the delta-apply benchmark, and the same changes undone.
///
/// Every row of the snapshot changes the way the server changes it: a load's rate and status, a
/// driver's position, a carrier's check, an invoice's amount, a payout's due date, each with its
/// version bumped; every load gets a new status event. The way back restores the snapshot's rows
/// and deletes those events, so the board benchmarks that follow see the seeded data.
struct DeltaPages {
    /// A page as the mirror takes it, beside its typed rows (for the floor's statements).
    struct Page {
        let response: PullResponse
        let batch: PullBatch
        init(_ response: PullResponse) throws {
            self.response = response
            batch = try PullBatch(response)
        }
    }

    var forward: [Page] = []
    var back: [Page] = []

    init(snapshot: [Data]) throws {
        let decoder = JSONDecoder.wire
        for data in snapshot {
            var page = try decoder.decode(PullResponse.self, from: data)
            page.reset = false
            page.resetReason = nil
            var changed = page
            changed.loads = page.loads.map { load in
                var load = load
                load.rateCents += 100
                load.status = load.status == .posted ? .assigned : .posted
                load.version += 1
                return load
            }
            changed.drivers = page.drivers.map { driver in
                var driver = driver
                driver.lat += 0.01
                driver.lon -= 0.01
                driver.version += 1
                return driver
            }
            changed.carriers = page.carriers.map { carrier in
                var carrier = carrier
                carrier.checkedAt += 86_400
                carrier.version += 1
                return carrier
            }
            changed.invoices = page.invoices.map { invoice in
                var invoice = invoice
                invoice.amountCents += 100
                invoice.version += 1
                return invoice
            }
            changed.payouts = page.payouts.map { payout in
                var payout = payout
                payout.dueAt += 86_400
                payout.version += 1
                return payout
            }
            let events = page.loads.map { load in
                StatusEvent(id: "bench-\(load.id)", loadId: load.id, code: .delayed, reason: .mechanicalBreakdown,
                            at: load.postedAt + 3_600, recordedBy: "bench")
            }
            changed.events = events
            forward.append(try Page(changed))
            page.events = []
            page.deleted = events.map { Tombstone(table: "events", id: $0.id) }
            back.append(try Page(page))
        }
    }

    /// The statements SQLite's C API runs for the same changes: only the changed columns, as a
    /// hand-written client that knew exactly what changed would.
    static func floor(_ page: Page, _ raw: RawSQLite) throws {
        let batch = page.batch, rows = page.response
        for (load, (_, body)) in zip(rows.loads, batch.loads) {
            _ = try raw.run("UPDATE loads SET status = ?, rate_cents = ?, rpm_cents = ?, body = ? WHERE id = ?", [
                load.status.rawValue.databaseValue, load.rateCents.databaseValue,
                Load.ratePerMile(rateCents: load.rateCents, miles: load.miles).databaseValue,
                body.databaseValue, load.id.databaseValue,
            ])
        }
        for (driver, (_, body)) in zip(rows.drivers, batch.drivers) {
            _ = try raw.run("UPDATE drivers SET lat = ?, lon = ?, body = ? WHERE id = ?",
                            [driver.lat.databaseValue, driver.lon.databaseValue, body.databaseValue, driver.id.databaseValue])
        }
        for (carrier, (_, body)) in zip(rows.carriers, batch.carriers) {
            _ = try raw.run("UPDATE carriers SET body = ? WHERE id = ?", [body.databaseValue, carrier.id.databaseValue])
        }
        for (event, (_, body)) in zip(rows.events, batch.events) {
            _ = try raw.run("INSERT INTO events(id, load_id, at, body) VALUES (?, ?, ?, ?)",
                            [event.id.databaseValue, event.loadId.databaseValue, event.at.databaseValue, body.databaseValue])
        }
        for (invoice, (_, body)) in zip(rows.invoices, batch.invoices) {
            _ = try raw.run("UPDATE invoices SET amount_cents = ?, body = ? WHERE id = ?",
                            [invoice.amountCents.databaseValue, body.databaseValue, invoice.id.databaseValue])
        }
        for (payout, (_, body)) in zip(rows.payouts, batch.payouts) {
            _ = try raw.run("UPDATE payouts SET due_at = ?, body = ? WHERE id = ?",
                            [payout.dueAt.databaseValue, body.databaseValue, payout.id.databaseValue])
        }
        for stone in rows.deleted {
            _ = try raw.run("DELETE FROM \(stone.table) WHERE id = ?", [stone.id.databaseValue])
        }
    }
}
