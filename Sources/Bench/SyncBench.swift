import Foundation
import GRDB
import Client
import Domain
import Server
import Sync

/// The delta protocol's numbers: bytes on the wire, apply rate, rebase time.
struct SyncBench {
    let client: DispatchClient
    let mirror: Mirror
    let mirrorPath: String
    let actor: Actor
    let loads: Int

    /// All pages of a pull from `cursor` until current, as received.
    func pages(from cursor: String?, clientId: String) async throws -> [Data] {
        var pages: [Data] = []
        var cursor = cursor
        while true {
            let data = try await client.pullData(cursor: cursor, clientId: clientId)
            pages.append(data)
            let batch = try PullBatch(data: data)
            guard batch.hasMore else { return pages }
            cursor = batch.cursor
        }
    }

    func run() async throws {
        let clientId = try await mirror.clientId()
        let full = try await pages(from: nil, clientId: "bench-refetch")
        let fullBytes = full.reduce(0) { $0 + $1.count }
        let cursor = try await mirror.state("cursor")
        let noop = try await client.pullData(cursor: cursor, clientId: clientId)
        print("no-op pull    \(noop.count) bytes of body   (budget ≤ 200 bytes)")

        // 1% of loads change on the server: a note each, pushed by another dispatcher.
        let changed = max(1, loads / 100)
        let ids = try await mirror.pool.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM loads ORDER BY id LIMIT ?", arguments: [changed])
        }
        let now = Int64(Date().timeIntervalSince1970)
        var next: Int64 = 1
        // Fresh note ids each run: a reused --dir already holds the last run's notes, which would change nothing.
        let run = UUID().uuidString.prefix(8)
        let pushSeconds = try await Stats.seconds {
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0 ..< min($0 + 500, ids.count)]) }) {
                let envelopes = chunk.map { id -> MutationEnvelope in
                    defer { next += 1 }
                    return MutationEnvelope(id: next, mutation: .addNote(.init(noteId: "bench-\(run)-\(next)", loadId: id,
                                                                                text: "rate confirmed", at: now)), createdAt: now)
                }
                _ = try await client.push(PushRequest(clientId: "bench-writer-\(UUID().uuidString.prefix(6))", mutations: envelopes))
                next = 1
            }
        }
        print(String(format: "push          %@ addNote mutations in %.2f s: %.0f mutations/s (batches of 500; budget ≥ 5,000/s)",
                     Format.count(ids.count), pushSeconds, Double(ids.count) / pushSeconds))
        let delta = try await pages(from: cursor, clientId: clientId)
        let deltaBytes = delta.reduce(0) { $0 + $1.count }
        print(String(format: "1%% changed    %@ loads: %@ bytes vs a full refetch of %@ bytes = %.2f%%   (budget ≤ 2%%)",
                     Format.count(changed), Format.count(deltaBytes), Format.count(fullBytes),
                     Double(deltaBytes) / Double(fullBytes) * 100))

        try await deltaApply(full)
        try await rebase()
    }

    /// Every row of the snapshot changed on the server, applied as a delta, then changed back,
    /// beside SQLite's C API writing the same changes (only the changed columns).
    func deltaApply(_ full: [Data]) async throws {
        let delta = try DeltaPages(snapshot: full)
        let pages = delta.forward + delta.back
        let rows = pages.reduce(0) { $0 + $1.batch.rowCount }
        var ours = 0.0
        var floor = 0.0
        // Each goes forward then back, so both start from the snapshot's rows.
        for run in [delta.forward, delta.back] {
            ours += try await Stats.seconds {
                for page in run { try await mirror.apply(page.batch, actor: actor) }
            }
        }
        let raw = try RawSQLite(path: mirrorPath, writable: true)
        for run in [delta.forward, delta.back] {
            floor += try await Stats.seconds {
                for page in run {
                    _ = try raw.run("BEGIN", [])
                    try DeltaPages.floor(page, raw)
                    _ = try raw.run("COMMIT", [])
                }
            }
        }
        print(String(format: "delta apply   %@ changed rows in %d pages (every row changed, then changed back): %.2f s, %.0f rows/s; "
                     + "SQLite writing the same changes: %.2f s, %.0f rows/s (%.1f×)   (budget ≥ 100K rows/s)",
                     Format.count(rows), pages.count, ours, Double(rows) / ours, floor, Double(rows) / floor, ours / floor))
    }

    /// 1,000 pending edits replayed over the mirror after a pull, beside SQLite writing the same rows twice.
    func rebase() async throws {
        let ids = try await mirror.pool.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM loads ORDER BY id DESC LIMIT 1000")
        }
        var enqueue: [Double] = []
        for (index, id) in ids.enumerated() {
            enqueue.append(try await Stats.seconds {
                try await mirror.enqueue(.addNote(.init(noteId: "pending-\(index)", loadId: id, text: "call ahead", at: 0)), by: actor)
            })
        }
        enqueue.sort()
        let cursor = try await mirror.state("cursor") ?? ""
        let empty = try PullBatch(PullResponse(cursor: cursor, hasMore: false, reset: false, lastMutationId: 0, serverTime: 0))
        var seconds: [Double] = []
        for _ in 0 ..< 5 {
            seconds.append(try await Stats.seconds { try await mirror.apply(empty, actor: actor) })
        }
        seconds.sort()
        let rewriteLoad = try await rewriteStatements().first { $0.table == "loads" }!.sql
        let raw = try RawSQLite(path: mirrorPath, writable: true)
        let floor = try await Stats.seconds {
            _ = try raw.run("BEGIN", [])
            for _ in 0 ..< 2 {
                for id in ids { _ = try raw.run(rewriteLoad, [id.databaseValue]) }
            }
            _ = try raw.run("COMMIT", [])
        }
        print(String(format: "rebase        %@ pending edits over %@ loads: median %.1f ms (of 5); SQLite writing the same rows twice: %.1f ms (%.1f×)",
                     Format.count(ids.count), Format.count(loads), Stats.percentile(seconds, 0.5) * 1_000, floor * 1_000,
                     Stats.percentile(seconds, 0.5) / floor))
        print("              queueing one edit (local rules + outbox write): p50 \(Stats.ms(Stats.percentile(enqueue, 0.5))), "
              + "p99 \(Stats.ms(Stats.percentile(enqueue, 0.99)))")
    }
}

extension SyncBench {
    /// The floor's write: every column of the row assigned again in place, which is the index
    /// and page work an upsert of a changed row does, without any decoding.
    func rewriteStatements() async throws -> [(table: String, sql: String)] {
        try await mirror.pool.read { db in
            try ["loads", "drivers", "carriers", "events", "invoices", "payouts"].map { table in
                // `table_info` leaves out generated columns (the radius cells), which cannot be assigned.
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                    .filter { $0 != "id" }
                return (table, "UPDATE \(table) SET " + columns.map { "\($0) = \($0)" }.joined(separator: ", ") + " WHERE id = ?")
            }
        }
    }
}

extension PullBatch {
    /// Ids of the rows of one table in this page.
    func ids(_ table: String) -> [String] {
        switch table {
        case "loads": loads.map(\.0.id)
        case "drivers": drivers.map(\.0.id)
        case "carriers": carriers.map(\.0.id)
        case "events": events.map(\.0.id)
        case "invoices": invoices.map(\.0.id)
        case "payouts": payouts.map(\.0.id)
        default: []
        }
    }
}
