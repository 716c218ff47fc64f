import Foundation
import Logging
import PostgresNIO
import Domain

/// Writes entities into the server tables, many rows per statement (`unnest` of arrays):
/// bulk seeding and a mutation's few rows alike. Same columns as `ServerRows` for SQLite, and
/// as there an upsert never changes another organisation's row.
struct PostgresRows {
    /// One table's pending rows, column by column.
    private struct Batch {
        var table: String
        /// Column name and SQL type; a nil-able text column is sent as "" and stored as NULL.
        var columns: [(name: String, type: String)]
        var texts: [[String]]
        var seqs: [Int64] = []

        init(_ table: String, _ columns: [(String, String)]) {
            self.table = table
            self.columns = columns.map { (name: $0.0, type: $0.1) }
            texts = Array(repeating: [], count: columns.count - 1)
        }

        var sql: String {
            let params = columns.indices.map { "?::\(columns[$0].type == "text?" ? "text" : columns[$0].type)[]" }
            let names = columns.map(\.name)
            let select = columns.indices.map { "c\($0)" }.enumerated().map { index, name in
                columns[index].type == "text?" ? "NULLIF(\(name), '')" : name
            }
            let updates = names.dropFirst(2).map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
            return """
                INSERT INTO \(table)(\(names.joined(separator: ", "))) SELECT \(select.joined(separator: ", "))
                FROM unnest(\(params.joined(separator: ", "))) AS t(\(columns.indices.map { "c\($0)" }.joined(separator: ", ")))
                ON CONFLICT (id) DO UPDATE SET \(updates) WHERE \(table).org = EXCLUDED.org
                """
        }
    }

    /// In write order; mutated in place (a copy out of a dictionary would copy every column per row).
    private var batches: [Batch] = []
    let encoder: JSONEncoder

    init(encoder: JSONEncoder = .wire) {
        self.encoder = encoder
        let text = "text", bigint = "bigint"
        // id and org always come first (an upsert keeps both); seq is always the column before
        // body, kept apart as a number.
        batches.append(Batch("carriers", [("id", text), ("org", text), ("verdict", text), ("seq", bigint), ("body", text)]))
        batches.append(Batch("drivers", [("id", text), ("org", text), ("carrier_id", text), ("seq", bigint), ("body", text)]))
        batches.append(Batch("loads", [("id", text), ("org", text), ("driver_id", "text?"), ("status", text),
                                       ("seq", bigint), ("body", text)]))
        for table in ["events", "invoices", "payouts"] {
            batches.append(Batch(table, [("id", text), ("org", text), ("load_id", text), ("seq", bigint), ("body", text)]))
        }
    }

    var isEmpty: Bool { batches.allSatisfy(\.seqs.isEmpty) }

    private mutating func add(_ table: String, _ keys: [String], seq: Int64, _ value: some Encodable) throws {
        let body = String(decoding: try encoder.encode(value), as: UTF8.self)
        guard let at = batches.firstIndex(where: { $0.table == table }) else { return }
        for (index, key) in (keys + [body]).enumerated() { batches[at].texts[index].append(key) }
        batches[at].seqs.append(seq)
    }

    mutating func add(_ carrier: Carrier, org: String, seq: Int64) throws {
        try add("carriers", [carrier.id, org, carrier.verdict.rawValue], seq: seq, carrier)
    }
    mutating func add(_ driver: Driver, org: String, seq: Int64) throws {
        try add("drivers", [driver.id, org, driver.carrierId], seq: seq, driver)
    }
    mutating func add(_ load: Load, org: String, seq: Int64) throws {
        try add("loads", [load.id, org, load.driverId ?? "", load.status.rawValue], seq: seq, load)
    }
    mutating func add(_ event: StatusEvent, org: String, seq: Int64) throws {
        try add("events", [event.id, org, event.loadId], seq: seq, event)
    }
    mutating func add(_ invoice: Invoice, org: String, seq: Int64) throws {
        try add("invoices", [invoice.id, org, invoice.loadId], seq: seq, invoice)
    }
    mutating func add(_ payout: Payout, org: String, seq: Int64) throws {
        try add("payouts", [payout.id, org, payout.loadId], seq: seq, payout)
    }

    /// Writes every pending row (one statement per table) and empties the batches.
    mutating func flush(_ connection: PostgresConnection, logger: Logger) async throws {
        for at in batches.indices where !batches[at].seqs.isEmpty {
            let batch = batches[at]
            var values: [PostgresStatement.Value] = batch.texts.dropLast().map { .texts($0) }
            values += [.ints(batch.seqs), .texts(batch.texts[batch.texts.count - 1])]
            try await connection.query(PostgresStatement(batch.sql, values).query, logger: logger)
            batches[at].texts = batch.texts.map { _ in [] }
            batches[at].seqs = []
        }
    }
}
