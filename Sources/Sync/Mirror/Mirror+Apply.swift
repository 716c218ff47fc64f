import Foundation
import GRDB
import Domain

/// What applying one pull page did.
public struct ApplyReport: Sendable {
    public var rows: Int
    public var confirmed: Int
    public var reset: Bool
}

extension Mirror {
    /// Applies one pull page, its cursor, the confirmation of pushed edits and the rebase
    /// of what is still pending, in a single transaction: a crash leaves either all or none.
    @discardableResult
    public func apply(_ page: PullResponse, actor: Actor) async throws -> ApplyReport {
        try await apply(PullBatch(page), actor: actor)
    }

    @discardableResult
    public func apply(_ page: PullBatch, actor: Actor) async throws -> ApplyReport {
        let report = try await pool.write { db in
            guard page.rowCount >= Mirror.bulkRows else { return try Mirror.apply(page, actor: actor, db: db) }
            return try Mirror.withBulkCache(db) { try Mirror.apply(page, actor: actor, db: db) }
        }
        if page.rowCount >= Mirror.bulkRows, !page.hasMore, try await deferredIndexCount() == 0 {
            // The end of a snapshot or a long catch-up: its last transaction left a WAL of hundreds
            // of megabytes (729 MB after a 1M-load initial sync) that readers look pages up in and
            // that stays on disk. Best effort: a busy reader only postpones it. With sort indexes
            // still to build, `buildDeferredIndexes` does it after them.
            await checkpointAfterBulk()
        }
        return report
    }

    /// Cuts the WAL back after a bulk write (best effort).
    func checkpointAfterBulk() async {
        _ = try? await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    /// Pages this large get a bigger page cache and a memory map while they apply.
    static let bulkRows = 1_000

    /// A catch-up page touches index pages all over a file of hundreds of megabytes, and with the
    /// 16 MB cache every miss was a `pread`: delta apply at 100K went from 25.4K to 29.6K rows/s
    /// (the initial sync did not change). Both are given back when the page is applied, so the
    /// console's memory stays small.
    static func withBulkCache<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA mmap_size = 1073741824")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(Mirror.cacheKiB); PRAGMA mmap_size = 0") }
        return try body()
    }

    static func apply(_ page: PullBatch, actor: Actor, db: Database) throws -> ApplyReport {
        if page.reset {
            // A snapshot replaces the server state; the outbox survives and is replayed below.
            // Search triggers would index each row one by one; the last page rebuilds them at once.
            try Mirror.suspendSearch(db)
            for table in MirrorRows.tables { try db.execute(sql: "DELETE FROM \(table)") }
            try db.execute(sql: "DELETE FROM shadow")
            if page.hasMore { try SnapshotIndexes.drop(db) }
        }
        let shadowed = Set(try Row.fetchAll(db, sql: "SELECT tbl, id FROM shadow").map { "\($0[0] as String)/\($0[1] as String)" })
        func isShadowed(_ table: String, _ id: String, _ body: String) throws -> Bool {
            guard !shadowed.isEmpty, shadowed.contains("\(table)/\(id)") else { return false }
            try db.cachedStatement(sql: "UPDATE shadow SET body = ? WHERE tbl = ? AND id = ?").execute(arguments: [body, table, id])
            return true
        }
        // Mid-snapshot the indexes are dropped and the tables were emptied: plain upserts are cheapest.
        let bulk = try Mirror.state(db, SnapshotIndexes.stateKey) != nil
        let writers = try PageWriters(db)
        for (load, body) in page.loads where try !isShadowed("loads", load.id, body) {
            try MirrorRows.put(load, json: body, pending: false, db: db, bulk: bulk, writer: writers.loads)
        }
        for (driver, body) in page.drivers where try !isShadowed("drivers", driver.id, body) {
            try writers.drivers.write { $0.driver(driver, json: body) }
        }
        for (carrier, body) in page.carriers where try !isShadowed("carriers", carrier.id, body) {
            try writers.carriers.write { $0.carrier(carrier, json: body) }
        }
        for (event, body) in page.events where try !isShadowed("events", event.id, body) {
            try writers.events.write { $0.event(event, json: body) }
        }
        for (invoice, body) in page.invoices where try !isShadowed("invoices", invoice.id, body) {
            try writers.invoices.write { $0.invoice(invoice, json: body) }
        }
        for (payout, body) in page.payouts where try !isShadowed("payouts", payout.id, body) {
            try writers.payouts.write { $0.payout(payout, json: body) }
        }
        for stone in page.deleted {
            if shadowed.contains("\(stone.table)/\(stone.id)") {
                try db.execute(sql: "UPDATE shadow SET body = NULL WHERE tbl = ? AND id = ?", arguments: [stone.table, stone.id])
            } else {
                try MirrorRows.delete(table: stone.table, id: stone.id, db: db)
            }
        }
        if !page.hasMore {
            try SnapshotIndexes.restore(db)
            try Mirror.restoreSearch(db)
        }
        try setState(db, "cursor", page.cursor)
        try setState(db, "last_sync_at", String(Int64(Date().timeIntervalSince1970)))

        if page.reset { try renumberIfForgotten(db, serverLast: page.lastMutationId) }
        // Edits the server has consumed are now part of the server state in this page.
        let confirmed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE id <= ?",
                                         arguments: [page.lastMutationId]) ?? 0
        try db.execute(sql: "DELETE FROM outbox WHERE id <= ?", arguments: [page.lastMutationId])
        let pending = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0
        // A delta pull rebases at its last page: the rows of the edits it confirms may come in any
        // of its pages, and rebasing earlier put back their pre-edit state (a new load vanished
        // from the board until its page came). Until then each shadow takes the server's rows as
        // they arrive, and the screen keeps the edits as made.
        let lastPage = !page.hasMore || page.reset
        if lastPage, !shadowed.isEmpty || confirmed > 0 || page.reset || pending > 0 {
            // Also while edits are pending: a row they touch may have arrived only in this page.
            try rebase(db, actor: actor)
        }
        return ApplyReport(rows: page.rowCount, confirmed: confirmed, reset: page.reset)
    }

    /// A snapshot from a server that has never seen this console's queued edits (a new
    /// database) would refuse them as a gap; they are numbered again from where it stands.
    /// Safe because the server reported it consumed none of them.
    static func renumberIfForgotten(_ db: Database, serverLast: Int64) throws {
        let entries = try outbox(db)
        let acked = Int64(try state(db, "acked_mutation_id") ?? "0") ?? 0
        guard let first = entries.first, first.id > serverLast + 1 || acked > serverLast else { return }
        try db.execute(sql: "DELETE FROM outbox")
        var next = serverLast + 1
        for entry in entries {
            var envelope = entry.envelope
            envelope.id = next
            try db.execute(sql: "INSERT INTO outbox(id, name, envelope, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [next, entry.name, try envelope.argsJSON(), entry.createdAt])
            next += 1
        }
        try setState(db, "next_mutation_id", String(next))
        try setState(db, "acked_mutation_id", String(serverLast))
    }

    /// Restores the server's version of every row pending edits touched, then replays the
    /// edits still pending on top. An edit the local rules now refuse stays queued: the
    /// server decides, and its answer arrives as a conflict.
    static func rebase(_ db: Database, actor: Actor) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT tbl, id, body FROM shadow")
        for row in rows {
            let table: String = row["tbl"]
            if let body = row["body"] as String? {
                try MirrorRows.put(table: table, json: body, db: db)
            } else {
                try MirrorRows.delete(table: table, id: row["id"], db: db)
            }
        }
        try db.execute(sql: "DELETE FROM shadow")
        let store = MirrorMutationStore(db: db)
        for entry in try outbox(db) {
            do {
                try db.inSavepoint {
                    do {
                        try Mutator.apply(entry.envelope.mutation, by: actor, in: store, now: entry.createdAt)
                        return .commit
                    } catch is MutationRejection {
                        return .rollback
                    }
                }
            }
        }
    }
}
