import Foundation
import GRDB
import Domain

/// Counts and amounts over every payout and invoice of the mirror.
public struct PaymentSums: Sendable, Hashable {
    public typealias Sum = PaymentTotal
    /// Per payout status.
    public var payouts: [Payout.Status: Sum] = [:]
    /// Invoices not paid yet.
    public var openInvoices = Sum()
    /// Every invoice, paid or not.
    public var invoiceCount = 0
    public init() {}
}

/// The payments pane's reads: keyset pages of payouts (due date, newest first) and invoices
/// (issue date, newest first), so no more than a window of either is ever in memory, and the
/// totals and aging bars in SQL over every row.
extension MirrorQueries {
    /// One page of payouts, newest due first, optionally of one status.
    public func payouts(status: Payout.Status? = nil, anchor: PageAnchor<Payout>, limit: Int) async throws -> [Payout] {
        try await mirror.pool.read { db in
            try MirrorQueries.keysetPage(db, table: "payouts", key: "due_at", keyOf: \.dueAt,
                                         filter: status.map { ("status = ?", [$0.rawValue]) }, anchor: anchor, limit: limit)
        }
    }

    /// One page of invoices, newest issued first.
    public func invoices(anchor: PageAnchor<Invoice>, limit: Int) async throws -> [Invoice] {
        try await mirror.pool.read { db in
            try MirrorQueries.keysetPage(db, table: "invoices", key: "issued_at", keyOf: \.issuedAt,
                                         filter: nil, anchor: anchor, limit: limit)
        }
    }

    /// Count and amount of every payout per status, and of the invoices: over all the rows of the
    /// mirror, not the window the pane holds, so they agree with the aging bars.
    public func paymentTotals() async throws -> PaymentSums {
        try await mirror.pool.read { db in
            var sums = PaymentSums()
            for row in try Row.fetchAll(db, sql: """
                SELECT status, COUNT(*), TOTAL(json_extract(body, '$.amountCents')) FROM payouts GROUP BY status
                """) {
                guard let status = Payout.Status(rawValue: row[0]) else { continue }
                sums.payouts[status] = PaymentSums.Sum(count: row[1], cents: Int64((row[2] as Double?) ?? 0))
            }
            let invoices = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), COUNT(*) FILTER (WHERE status != 'paid'),
                       TOTAL(amount_cents) FILTER (WHERE status != 'paid') FROM invoices
                """)
            sums.invoiceCount = invoices?[0] ?? 0
            sums.openInvoices = PaymentSums.Sum(count: invoices?[1] ?? 0, cents: Int64((invoices?[2] as Double?) ?? 0))
            return sums
        }
    }

    /// Open invoice amounts per aging bucket (0–30, 31–60, 61–90, 90+ days).
    public func aging(now: Int64) async throws -> [Int64] {
        try await mirror.pool.read { db in
            let day: Int64 = 86_400
            let row = try Row.fetchOne(db, sql: """
                SELECT
                  TOTAL(CASE WHEN ? - issued_at <= 30 * ? THEN amount_cents END),
                  TOTAL(CASE WHEN ? - issued_at > 30 * ? AND ? - issued_at <= 60 * ? THEN amount_cents END),
                  TOTAL(CASE WHEN ? - issued_at > 60 * ? AND ? - issued_at <= 90 * ? THEN amount_cents END),
                  TOTAL(CASE WHEN ? - issued_at > 90 * ? THEN amount_cents END)
                FROM invoices WHERE status != 'paid'
                """, arguments: [now, day, now, day, now, day, now, day, now, day, now, day])
            return (0..<4).map { Int64((row?[$0] as Double?) ?? 0) }
        }
    }

    /// A page of `table` in `(key, id)` descending order from `anchor`, read through the
    /// `(key, id)` index (or `(status, key, id)` under a status filter): row values compare in
    /// the index, so page N costs what page 1 does.
    static func keysetPage<T: Decodable & Identifiable & Sendable & Hashable>(
        _ db: Database, table: String, key: String, keyOf: (T) -> Int64,
        filter: (sql: String, arguments: [String])?, anchor: PageAnchor<T>, limit: Int
    ) throws -> [T] where T.ID == String {
        var conditions = filter.map { [$0.sql] } ?? []
        var arguments = StatementArguments(filter?.arguments ?? [])
        var descending = true
        switch anchor {
        case .first: break
        case .last: descending = false
        case .after(let row):
            conditions.append("(\(key), id) < (?, ?)")
            arguments += [keyOf(row), row.id]
        case .before(let row):
            conditions.append("(\(key), id) > (?, ?)")
            arguments += [keyOf(row), row.id]
            descending = false
        case .from(let row):
            conditions.append("(\(key), id) <= (?, ?)")
            arguments += [keyOf(row), row.id]
        }
        let order = descending ? "DESC" : "ASC"
        let sql = """
            SELECT body FROM \(table)\(conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            ORDER BY \(key) \(order), id \(order) LIMIT ?
            """
        arguments += [limit]
        let rows = try decodeAll(T.self, db, sql, arguments)
        return descending ? rows : rows.reversed()
    }
}
