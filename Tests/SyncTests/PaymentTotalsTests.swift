import Foundation
import Testing
import Domain
import GRDB
@testable import Sync

@Suite("Payment totals over every row")
struct PaymentTotalsTests {
    /// 7,000 payouts and invoices, more than the pane reads: the totals count them all.
    @Test func totalsCountEveryRowNotThePage() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("totals-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mirror = try Mirror(path: path)
        let statuses = Payout.Status.allCases
        try await mirror.pool.write { db in
            for n in 0..<7_000 {
                let payout = Payout(id: "P-\(n)", loadId: "L-\(n)", carrierId: "C-1", amountCents: Int64(100 + n), method: .standard,
                                    feeCents: 0, status: statuses[n % statuses.count], dueAt: Int64(n))
                try MirrorRows.put(payout, json: String(decoding: try JSONEncoder.wire.encode(payout), as: UTF8.self), db: db)
                let invoice = Invoice(id: "I-\(n)", loadId: "L-\(n)", shipper: "S", amountCents: 1_000, issuedAt: Int64(n), dueAt: Int64(n),
                                      status: n % 2 == 0 ? .paid : .open, paidAt: nil)
                try MirrorRows.put(invoice, json: String(decoding: try JSONEncoder.wire.encode(invoice), as: UTF8.self), db: db)
            }
        }
        let totals = try await MirrorQueries(mirror: mirror).paymentTotals()
        for (index, status) in statuses.enumerated() {
            let mine = (0..<7_000).filter { $0 % statuses.count == index }
            #expect(totals.payouts[status]?.count == mine.count)
            #expect(totals.payouts[status]?.cents == mine.reduce(Int64(0)) { $0 + Int64(100 + $1) })
        }
        #expect(totals.openInvoices.count == 3_500 && totals.openInvoices.cents == 3_500_000)
        #expect(totals.invoiceCount == 7_000)
    }

    /// A page at any depth reads the (date, id) index in order: no sort of the whole table.
    @Test func pagesReadTheirIndexInOrder() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mirror = try Mirror(path: path)
        try await mirror.pool.read { db in
            for sql in [
                "SELECT body FROM payouts WHERE (due_at, id) < (1, 'P') ORDER BY due_at DESC, id DESC LIMIT 100",
                "SELECT body FROM payouts WHERE status = 'held' AND (due_at, id) > (1, 'P') ORDER BY due_at ASC, id ASC LIMIT 100",
                "SELECT body FROM invoices WHERE (issued_at, id) <= (1, 'I') ORDER BY issued_at DESC, id DESC LIMIT 100",
            ] {
                let details = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "; ")
                #expect(details.contains("USING INDEX"), "\(sql): \(details)")
                #expect(!details.contains("TEMP B-TREE"), "\(sql): \(details)")
            }
        }
    }
}
