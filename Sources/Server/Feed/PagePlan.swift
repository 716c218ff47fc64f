import Domain

/// The store-independent decisions of one pull page, so SQLite and PostgreSQL page alike.
///
/// The stores do the reading (all from one snapshot); this decides where a page starts,
/// where it ends, and what it returns.
enum PagePlan {
    /// Where a page starts, from the client's cursor: a sequence number, or a snapshot with its reason.
    ///
    /// - Throws: `ServerError.unknownCursor` for a cursor this database never issued.
    static func start(cursor text: String?, databaseId: String, head: Int64,
                      horizon: Int64) throws -> (from: Int64, resetReason: ResetReason?) {
        guard let text, !text.isEmpty else { return (0, .initial) }
        guard let cursor = FeedCursor(text) else { throw ServerError.unknownCursor }
        if cursor.databaseId != databaseId { return (0, .newDatabase) }
        if cursor.sequence > head { throw ServerError.unknownCursor }
        if cursor.sequence < horizon { return (0, .expired) }
        return (cursor.sequence, nil)
    }

    /// Rows one table returned for a page: up to `limit` of them with `seq > from`.
    struct Fetched {
        var collection: String
        var rows: [(seq: Int64, body: String)]
        /// The query hit its limit, so more rows may follow.
        var full: Bool
    }

    /// The page ends at the `limit`-th smallest sequence among everything fetched, so a page
    /// never ends inside a transaction it has not finished (see `mustFinish`).
    static func end(tables: [Fetched], tombstones: [Int64], tombstonesFull: Bool, limit: Int,
                    head: Int64) -> (end: Int64, hasMore: Bool) {
        var sequences = tables.flatMap { $0.rows.map(\.seq) } + tombstones
        sequences.sort()
        let hasMore = sequences.count > limit || tables.contains { $0.full } || tombstonesFull
        let end: Int64 = sequences.isEmpty ? head
            : (sequences.count > limit ? sequences[limit - 1] : (hasMore ? sequences[sequences.count - 1] : head))
        return (end, hasMore)
    }

    /// A full fetch whose last row is of the boundary sequence was cut inside that transaction:
    /// the store must add every row of sequence `end` (to the rows below it).
    static func mustFinish(full: Bool, lastSequence: Int64?, end: Int64) -> Bool {
        full && lastSequence == end
    }

    /// The rows a table contributes when it did not have to be finished.
    static func upTo(_ end: Int64, _ rows: [(seq: Int64, body: String)]) -> [String] {
        rows.filter { $0.seq <= end }.map(\.body)
    }

    /// `remaining` is counted once, on the first page of a snapshot, for progress.
    static func countsRemaining(hasMore: Bool, reset: Bool) -> Bool { hasMore && reset }
}
