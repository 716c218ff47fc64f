import Foundation
import GRDB
import Client
import Domain
import Server
import Sync

/// Table → id → JSON body: what a party sees, compared row for row.
typealias TableState = [String: [String: String]]

extension TestServer {
    /// Everything `user` may see, as the server holds it now: a fresh full snapshot through its scope.
    func scopedState(user: String, password: String) async throws -> TableState {
        let (client, _) = try await client(as: user, password: password)
        var state: TableState = [:]
        var cursor: String?
        repeat {
            let page = try PullBatch(data: try await client.pullData(cursor: cursor, clientId: "inspector-\(user)"))
            for (row, body) in page.loads { state["loads", default: [:]][row.id] = body }
            for (row, body) in page.drivers { state["drivers", default: [:]][row.id] = body }
            for (row, body) in page.carriers { state["carriers", default: [:]][row.id] = body }
            for (row, body) in page.events { state["events", default: [:]][row.id] = body }
            for (row, body) in page.invoices { state["invoices", default: [:]][row.id] = body }
            for (row, body) in page.payouts { state["payouts", default: [:]][row.id] = body }
            cursor = page.hasMore ? page.cursor : nil
        } while cursor != nil
        return state
    }

    /// Available drivers whose carrier may be used, from a dispatcher's mirror.
    func usableDrivers(in mirror: Mirror, count: Int) async throws -> [String] {
        try await mirror.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT d.id FROM drivers d JOIN carriers c ON c.id = d.carrier_id
                WHERE d.available = 1 AND c.verdict != 'do-not-use' ORDER BY d.id LIMIT ?
                """, arguments: [count])
        }
    }

    /// The server's own SQLite file, read directly (what an operator would query); SQLite only.
    func serverDatabase() throws -> DatabaseQueue {
        try DatabaseQueue(path: databasePath)
    }
}

extension Mirror {
    /// The mirror's rows, in the same shape as `TestServer.scopedState`.
    func tableState() async throws -> TableState {
        try await pool.read { db in
            var state: TableState = [:]
            for table in ["loads", "drivers", "carriers", "events", "invoices", "payouts"] {
                for row in try Row.fetchAll(db, sql: "SELECT id, body FROM \(table)") {
                    state[table, default: [:]][row[0]] = row[1]
                }
            }
            return state
        }
    }

    /// Where two states differ, in a few words per table, for a failing expectation.
    static func difference(_ mine: TableState, _ theirs: TableState) -> [String] {
        var out: [String] = []
        for table in Set(mine.keys).union(theirs.keys).sorted() {
            let a = mine[table] ?? [:], b = theirs[table] ?? [:]
            let extra = Set(a.keys).subtracting(b.keys), missing = Set(b.keys).subtracting(a.keys)
            let changed = Set(a.keys).intersection(b.keys).filter { a[$0] != b[$0] }
            if !extra.isEmpty { out.append("\(table): \(extra.count) extra, e.g. \(extra.sorted().prefix(3))") }
            if !missing.isEmpty { out.append("\(table): \(missing.count) missing, e.g. \(missing.sorted().prefix(3))") }
            if !changed.isEmpty { out.append("\(table): \(changed.count) differ, e.g. \(changed.sorted().prefix(3))") }
        }
        return out
    }
}
