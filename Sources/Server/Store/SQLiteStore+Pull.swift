import GRDB
import Domain

extension FeedTable {
    var arguments: StatementArguments { StatementArguments(values) }
}

extension SQLiteStore {
    public func lastMutationId(clientId: String, user: String, asOf sequence: Int64) async throws -> Int64 {
        guard pushers.contains(clientId) else { return 0 }
        return try await pool.read { db in
            // Cached: preparing it on every long-poll wake-up cost more than running it.
            try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT MIN(c.last_mutation_id,
                           COALESCE((SELECT MIN(r.mutation_id) - 1 FROM mutation_results r
                                     WHERE r.client_id = c.client_id AND r.seq > ?), c.last_mutation_id))
                FROM clients c WHERE c.client_id = ? AND c.user = ?
                """), arguments: [sequence, clientId, user]) ?? 0
        }
    }

    public func pull(actor: Actor, clientId: String?, cursor: String?, limit: Int) async throws -> PullPage {
        let databaseId = self.databaseId
        return try await pool.read { db in
            try SQLiteStore.readPage(db, databaseId: databaseId, actor: actor, clientId: clientId,
                                     cursor: cursor, limit: max(1, min(limit, 10_000)))
        }
    }

    /// Reads one page from a single snapshot.
    ///
    /// A page ends on a sequence boundary: every row of the last sequence
    /// number it includes is in it, so it never shows half of a server transaction.
    static func readPage(_ db: Database, databaseId: String, actor: Actor, clientId: String?,
                         cursor text: String?, limit: Int) throws -> PullPage {
        let head = try sequence(db)
        let (from, resetReason) = try PagePlan.start(cursor: text, databaseId: databaseId, head: head,
                                                     horizon: try horizon(db))
        let reset = resetReason != nil
        let tables = FeedTable.tables(for: actor)
        // Sequence numbers first, from the feed indexes: each table's `limit` smallest decide where
        // the page ends. Reading bodies there too read up to six tables' worth of rows per page and
        // dropped most of them: 36 MB of strings per page of a snapshot, for 3 MB served.
        var fetched: [(table: FeedTable, sequences: [Int64])] = []
        for table in tables {
            let scope = " AND " + table.scope
            var arguments: StatementArguments = [from]
            arguments += table.arguments
            arguments += [limit]
            let sequences = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT seq FROM \(table.table) WHERE seq > ?\(scope) ORDER BY seq LIMIT ?
                """), arguments: arguments)
            fetched.append((table, sequences))
        }
        let stones = TombstoneQuery(actor: actor, collections: tables.map(\.collection))
        var tombstones = try stones.fetch(db, after: from, limit: limit)
        let tombstonesFull = tombstones.count == limit
        let (end, hasMore) = PagePlan.end(
            tables: fetched.map {
                PagePlan.Fetched(collection: $0.table.collection, rows: $0.sequences.map { ($0, "") }, full: $0.sequences.count == limit)
            },
            tombstones: tombstones.map(\.seq), tombstonesFull: tombstonesFull, limit: limit, head: head)

        // Then each table's rows up to the end, all of the last transaction included: exactly
        // the rows `PagePlan.upTo` and `mustFinish` describe (a full table's last fetched
        // sequence is never below the end).
        var collections: [(collection: String, bodies: [String])] = []
        for (table, sequences) in fetched {
            guard let first = sequences.first, first <= end else {
                collections.append((table.collection, []))
                continue
            }
            var arguments: StatementArguments = [from, end]
            arguments += table.arguments
            let bodies = try String.fetchAll(db.cachedStatement(sql: """
                SELECT body FROM \(table.table) WHERE seq > ? AND seq <= ? AND \(table.scope) ORDER BY seq
                """), arguments: arguments)
            collections.append((table.collection, bodies))
        }
        if PagePlan.mustFinish(full: tombstonesFull, lastSequence: tombstones.last?.seq, end: end) {
            tombstones = tombstones.filter { $0.seq < end } + (try stones.fetch(db, at: end))
        } else {
            tombstones = tombstones.filter { $0.seq <= end }
        }

        var remaining: Int?
        // Counted once, on the first page of a snapshot, for progress; counting on every page cost
        // a scan of every table per page.
        if PagePlan.countsRemaining(hasMore: hasMore, reset: reset) {
            var count = 0
            for table in tables {
                let scope = " AND " + table.scope
                var arguments: StatementArguments = [end]
                arguments += table.arguments
                count += try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.table) WHERE seq > ?\(scope)",
                                          arguments: arguments) ?? 0
            }
            remaining = count
        }
        let lastMutationId: Int64 = try clientId.flatMap {
            try Int64.fetchOne(db, sql: "SELECT last_mutation_id FROM clients WHERE client_id = ? AND user = ?",
                               arguments: [$0, actor.user])
        } ?? 0
        return PullPage(cursor: FeedCursor(databaseId: databaseId, sequence: end).text, hasMore: hasMore,
                        reset: reset, resetReason: resetReason, lastMutationId: lastMutationId, remaining: remaining,
                        rows: collections, deleted: tombstones.map(\.stone), sequence: end)
    }
}
