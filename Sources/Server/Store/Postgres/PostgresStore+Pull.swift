import Logging
import PostgresNIO
import Domain

extension PostgresStore {
    public func pull(actor: Actor, clientId: String?, cursor: String?, limit: Int) async throws -> PullPage {
        let limit = max(1, min(limit, 10_000))
        return try await readSnapshot("read a page") { connection in
            try await PostgresPageReader(connection: connection, logger: self.logger, actor: actor)
                .page(databaseId: self.databaseId, clientId: clientId, cursor: cursor, limit: limit)
        }
    }

    static func horizon(_ connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        try await connection.scalar("SELECT value::bigint FROM meta WHERE key = 'horizon'", as: Int64.self, logger: logger) ?? 0
    }
}

/// Reads one page inside the caller's REPEATABLE READ snapshot, with the SQLite store's paging
/// rules (`PagePlan`): a page never shows half of a server transaction.
struct PostgresPageReader {
    let connection: PostgresConnection
    let logger: Logger
    let actor: Actor

    func page(databaseId: String, clientId: String?, cursor: String?, limit: Int) async throws -> PullPage {
        let head = try await PostgresStore.sequence(connection, logger: logger)
        let (from, resetReason) = try PagePlan.start(cursor: cursor, databaseId: databaseId, head: head,
                                                     horizon: try await PostgresStore.horizon(connection, logger: logger))
        let reset = resetReason != nil
        let tables = FeedTable.tables(for: actor)
        var fetched: [PagePlan.Fetched] = []
        for table in tables {
            let rows = try await rows(table, "seq > ?", from, order: true, limit: limit)
            fetched.append(PagePlan.Fetched(collection: table.collection, rows: rows, full: rows.count == limit))
        }
        let stones = TombstoneQuery(actor: actor, collections: tables.map(\.collection))
        var tombstones = try await self.tombstones(stones, "seq > ?", from, limit: limit)
        let tombstonesFull = tombstones.count == limit
        let (end, hasMore) = PagePlan.end(tables: fetched, tombstones: tombstones.map(\.seq),
                                          tombstonesFull: tombstonesFull, limit: limit, head: head)

        var collections: [(collection: String, bodies: [String])] = []
        for (table, rows) in zip(tables, fetched) {
            var bodies: [String]
            if PagePlan.mustFinish(full: rows.full, lastSequence: rows.rows.last?.seq, end: end) {
                bodies = rows.rows.filter { $0.seq < end }.map(\.body)
                bodies += try await self.rows(table, "seq = ?", end, order: false, limit: nil).map(\.body)
            } else {
                bodies = PagePlan.upTo(end, rows.rows)
            }
            collections.append((table.collection, bodies))
        }
        if PagePlan.mustFinish(full: tombstonesFull, lastSequence: tombstones.last?.seq, end: end) {
            tombstones = tombstones.filter { $0.seq < end } + (try await self.tombstones(stones, "seq = ?", end, limit: nil))
        } else {
            tombstones = tombstones.filter { $0.seq <= end }
        }
        var remaining: Int?
        if PagePlan.countsRemaining(hasMore: hasMore, reset: reset) {
            var count: Int64 = 0
            for table in tables {
                var statement = PostgresStatement("SELECT COUNT(*) FROM \(table.table) WHERE seq > ?", [.int(end)])
                statement.append(" AND \(table.scope)", table.values.map { .text($0) })
                count += try await connection.scalar(statement.query, as: Int64.self, logger: logger) ?? 0
            }
            remaining = Int(count)
        }
        var lastMutationId: Int64 = 0
        if let clientId {
            lastMutationId = try await connection.scalar("""
                SELECT last_mutation_id FROM clients WHERE client_id = \(clientId) AND "user" = \(actor.user)
                """, as: Int64.self, logger: logger) ?? 0
        }
        return PullPage(cursor: FeedCursor(databaseId: databaseId, sequence: end).text, hasMore: hasMore,
                        reset: reset, resetReason: resetReason, lastMutationId: lastMutationId, remaining: remaining,
                        rows: collections, deleted: tombstones.map(\.stone), sequence: end)
    }

    /// `seq, body` of one table in the actor's scope where `condition` holds for `seq`.
    private func rows(_ table: FeedTable, _ condition: String, _ seq: Int64, order: Bool,
                      limit: Int?) async throws -> [(seq: Int64, body: String)] {
        var statement = PostgresStatement("SELECT seq, body FROM \(table.table) WHERE \(condition)", [.int(seq)])
        statement.append(" AND \(table.scope)", table.values.map { .text($0) })
        if order { statement.append(" ORDER BY seq") }
        if let limit { statement.append(" LIMIT ?", [.int(Int64(limit))]) }
        var rows: [(seq: Int64, body: String)] = []
        for try await (seq, body) in try await connection.query(statement.query, logger: logger).decode((Int64, String).self) {
            rows.append((seq, body))
        }
        return rows
    }

    private func tombstones(_ query: TombstoneQuery, _ condition: String, _ seq: Int64,
                            limit: Int?) async throws -> [(seq: Int64, stone: Tombstone)] {
        let (seq, org, driverId) = query.values(seq)
        var values: [PostgresStatement.Value] = [.int(seq), .text(org)]
        if let driverId { values += [.int(seq), .text(driverId)] }
        if let limit { values.append(.int(Int64(limit))) }
        let statement = PostgresStatement(query.sql(condition, limit: limit != nil), values)
        var stones: [(seq: Int64, stone: Tombstone)] = []
        for try await (seq, table, id) in try await connection.query(statement.query, logger: logger)
            .decode((Int64, String, String).self) {
            stones.append((seq, Tombstone(table: table, id: id)))
        }
        return stones
    }
}
