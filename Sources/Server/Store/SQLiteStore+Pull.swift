import GRDB
import Domain

/// One table of the feed and how the caller's scope narrows it.
struct FeedTable {
    var collection: String
    var table: String
    /// SQL condition limiting rows to the scope; `?` placeholders bound from `arguments`.
    var scope: String?
    var arguments: StatementArguments

    /// The tables an actor sees, each narrowed to its scope.
    static func tables(for actor: Actor) -> [FeedTable] {
        switch actor.role {
        case .dispatcher:
            return ["loads", "drivers", "carriers", "events", "invoices", "payouts"].map {
                FeedTable(collection: $0, table: $0, scope: nil, arguments: [])
            }
        case .accounting:
            return ["loads", "carriers", "invoices", "payouts"].map {
                FeedTable(collection: $0, table: $0, scope: nil, arguments: [])
            }
        case .driver:
            let me = actor.driverId ?? ""
            return [
                FeedTable(collection: "loads", table: "loads", scope: "driver_id = ?", arguments: [me]),
                FeedTable(collection: "drivers", table: "drivers", scope: "id = ?", arguments: [me]),
                FeedTable(collection: "events", table: "events",
                          scope: "load_id IN (SELECT id FROM loads WHERE driver_id = ?)", arguments: [me]),
            ]
        }
    }
}

extension SQLiteStore {
    public func lastMutationId(clientId: String, user: String, asOf sequence: Int64) async throws -> Int64 {
        try await pool.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT MIN(c.last_mutation_id,
                           COALESCE((SELECT MIN(r.mutation_id) - 1 FROM mutation_results r
                                     WHERE r.client_id = c.client_id AND r.seq > ?), c.last_mutation_id))
                FROM clients c WHERE c.client_id = ? AND c.user = ?
                """, arguments: [sequence, clientId, user]) ?? 0
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
        var from: Int64 = 0
        var resetReason: ResetReason? = .initial
        if let text, !text.isEmpty {
            guard let cursor = FeedCursor(text) else { throw ServerError.unknownCursor }
            if cursor.databaseId != databaseId {
                resetReason = .newDatabase
            } else if cursor.sequence > head {
                throw ServerError.unknownCursor
            } else if cursor.sequence < (try horizon(db)) {
                resetReason = .expired
            } else {
                from = cursor.sequence
                resetReason = nil
            }
        }
        let reset = resetReason != nil
        let tables = FeedTable.tables(for: actor)
        var fetched: [(table: FeedTable, rows: [(seq: Int64, body: String)], full: Bool)] = []
        for table in tables {
            let scope = table.scope.map { " AND \($0)" } ?? ""
            var arguments: StatementArguments = [from]
            arguments += table.arguments
            arguments += [limit]
            let rows = try Row.fetchAll(db, sql: """
                SELECT seq, body FROM \(table.table) WHERE seq > ?\(scope) ORDER BY seq LIMIT ?
                """, arguments: arguments).map { (seq: $0[0] as Int64, body: $0[1] as String) }
            fetched.append((table, rows, rows.count == limit))
        }
        let stones = TombstoneQuery(actor: actor, collections: tables.map(\.collection))
        var tombstones = try stones.fetch(db, after: from, limit: limit)
        let tombstonesFull = tombstones.count == limit

        // The page ends at the limit-th smallest sequence among everything fetched.
        var sequences = fetched.flatMap { $0.rows.map(\.seq) } + tombstones.map(\.seq)
        sequences.sort()
        let hasMore = sequences.count > limit || fetched.contains { $0.full } || tombstonesFull
        let end: Int64 = sequences.isEmpty ? head
            : (sequences.count > limit ? sequences[limit - 1] : (hasMore ? sequences[sequences.count - 1] : head))

        var collections: [(collection: String, bodies: [String])] = []
        for (table, rows, full) in fetched {
            var bodies: [String]
            if full, rows.last?.seq == end {
                // Cut off inside the last transaction: take all of that transaction's rows.
                bodies = rows.filter { $0.seq < end }.map(\.body)
                let scope = table.scope.map { " AND \($0)" } ?? ""
                var arguments: StatementArguments = [end]
                arguments += table.arguments
                bodies += try String.fetchAll(db, sql: "SELECT body FROM \(table.table) WHERE seq = ?\(scope)",
                                              arguments: arguments)
            } else {
                bodies = rows.filter { $0.seq <= end }.map(\.body)
            }
            collections.append((table.collection, bodies))
        }
        if tombstonesFull, tombstones.last?.seq == end {
            tombstones = tombstones.filter { $0.seq < end } + (try stones.fetch(db, at: end))
        } else {
            tombstones = tombstones.filter { $0.seq <= end }
        }

        var remaining: Int?
        // Counted once, on the first page of a snapshot, for progress; counting on every page cost
        // a scan of every table per page.
        if hasMore && reset {
            var count = 0
            for table in tables {
                let scope = table.scope.map { " AND \($0)" } ?? ""
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
