import Foundation
import GRDB
import Domain

/// The load board's queries: SQLite filters and sorts with indexes and keyset paging,
/// and only the rows asked for become Swift values.
public struct BoardQueries: Sendable {
    public let mirror: Mirror
    public init(mirror: Mirror) { self.mirror = mirror }

    /// One page of the board.
    ///
    /// Read on the calling thread rather than hopping to the reader's queue and back: the hop cost
    /// 70–230 µs on this 2-core machine, more than reading a whole page, and a page takes at most
    /// a few milliseconds. Totals, which can take a hundred, stay asynchronous and cancellable.
    public func page(_ query: BoardQuery, anchor: BoardAnchor, limit: Int) async throws -> [LoadSummary] {
        try pageHere(query, anchor: anchor, limit: limit)
    }

    /// Not `async`, so the pool's blocking `read` is the one called.
    private func pageHere(_ query: BoardQuery, anchor: BoardAnchor, limit: Int) throws -> [LoadSummary] {
        let plans = mirror.plans, stores = mirror.rowSets
        return try mirror.pool.read { db in
            let store = stores.store(db)
            let plan = try BoardQueries.plan(db, query, limit: limit, plans: plans, store: store)
            return try BoardQueries.page(db, query, anchor: anchor, limit: limit, plan: plan, store: store)
        }
    }

    /// Matching rows and their average rate per mile.
    public func totals(_ query: BoardQuery) async throws -> (count: Int, averageRatePerMileCents: Int64) {
        try await mirror.pool.read { db in
            let statement = BoardQueries.totalsStatement(query)
            let row = try Row.fetchOne(db, sql: statement.sql, arguments: StatementArguments(statement.arguments))
            return (row?[0] ?? 0, Int64((row?[1] as Double?) ?? 0))
        }
    }

    /// The totals line's SQL: count and average rate per mile of every matching load.
    public static func totalsStatement(_ query: BoardQuery) -> (sql: String, arguments: [DatabaseValue]) {
        let (whereSQL, arguments) = filter(query)
        return ("SELECT COUNT(*), AVG(rpm_cents) FROM loads \(whereSQL)", arguments)
    }

    /// Zero-based position of `row` in the query's order.
    public func position(of row: LoadSummary, in query: BoardQuery) async throws -> Int {
        try await mirror.pool.read { db in
            let (whereSQL, arguments) = BoardQueries.filter(query, extra: BoardQueries.keyset(query, row, after: false))
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM loads \(whereSQL)", arguments: StatementArguments(arguments)) ?? 0
        }
    }

    static let columns = """
        id, reference, status, origin_city, origin_state, dest_city, dest_state, pickup_at, equipment, full_load,
        weight, length, miles, rate_cents, rpm_cents, posted_at, driver_id, pending,
        origin_lat, origin_lon, dest_lat, dest_lon, stop_count
        """

    static func sortColumn(_ sort: BoardSort) -> String {
        switch sort {
        case .pickup: "pickup_at"
        case .ratePerMile: "rpm_cents"
        case .origin: "origin_sort"
        case .destination: "(dest_state || ' ' || dest_city)"
        case .rate: "rate_cents"
        case .miles: "miles"
        case .weight: "weight"
        case .length: "length"
        case .equipment: "equipment"
        case .status: "status"
        case .age: "posted_at"
        case .reference: "reference"
        }
    }

    static func sortValue(_ sort: BoardSort, _ row: LoadSummary) -> any DatabaseValueConvertible {
        switch sort {
        case .pickup: row.pickupAt
        case .ratePerMile: row.ratePerMileCents
        case .origin: "\(row.originState) \(row.originCity)"
        case .destination: "\(row.destState) \(row.destCity)"
        case .rate: row.rateCents
        case .miles: row.miles
        case .weight: row.weightLbs
        case .length: row.lengthFt
        case .equipment: row.equipment
        case .status: row.status.rawValue
        case .age: row.postedAt
        case .reference: row.reference
        }
    }

    /// `(sort, id) > (value, id)` in the query's direction; `after: false` gives "before".
    static func keyset(_ query: BoardQuery, _ row: LoadSummary, after: Bool, inclusive: Bool = false)
        -> (sql: String, arguments: [DatabaseValue]) {
        let forward = after != query.descending
        let op = forward ? (inclusive ? ">=" : ">") : (inclusive ? "<=" : "<")
        let column = sortColumn(query.sort)
        let value = sortValue(query.sort, row)
        return ("(\(column), id) \(op) (?, ?)", [value.databaseValue, row.id.databaseValue])
    }

    static func filter(_ query: BoardQuery, extra: (sql: String, arguments: [DatabaseValue])? = nil,
                       scanSortIndex: Bool = false, pageSort: BoardSort? = nil,
                       rowSet: RowSetClause? = nil) -> (String, [DatabaseValue]) {
        var clauses = BoardFilterSQL(query, now: Int64(Date().timeIntervalSince1970), scanSortIndex: scanSortIndex,
                                     pageSort: pageSort, rowSet: rowSet)
        if let extra { clauses.add(extra.sql, extra.arguments) }
        return clauses.whereClause
    }

    /// The SQL and arguments of one board page, in the order SQLite returns them
    /// (`reversed` pages come back backwards and are flipped after fetching).
    public static func statement(_ query: BoardQuery, anchor: BoardAnchor, limit: Int, scanSortIndex: Bool = false)
        -> (sql: String, arguments: [DatabaseValue], reversed: Bool) {
        statement(query, anchor: anchor, limit: limit, scanSortIndex: scanSortIndex, rowSet: nil)
    }

    static func statement(_ query: BoardQuery, anchor: BoardAnchor, limit: Int, scanSortIndex: Bool, rowSet: RowSetClause?)
        -> (sql: String, arguments: [DatabaseValue], reversed: Bool) {
        let column = sortColumn(query.sort)
        var ascending = !query.descending
        var extra: (sql: String, arguments: [DatabaseValue])?
        switch anchor {
        case .first: break
        case .last: ascending.toggle()
        case .after(let row): extra = keyset(query, row, after: true)
        case .from(let row): extra = keyset(query, row, after: true, inclusive: true)
        case .before(let row):
            extra = keyset(query, row, after: false)
            ascending.toggle()
        }
        let (whereSQL, filterArguments) = filter(query, extra: extra, scanSortIndex: scanSortIndex, pageSort: query.sort,
                                                 rowSet: rowSet)
        let direction = ascending ? "ASC" : "DESC"
        let arguments = filterArguments + [limit.databaseValue]
        let sql = "SELECT \(columns) FROM loads \(whereSQL) ORDER BY \(column) \(direction), id \(direction) LIMIT ?"
        let reversed: Bool
        switch anchor {
        case .last, .before: reversed = true
        default: reversed = false
        }
        return (sql, arguments, reversed)
    }

    static func page(_ db: Database, _ query: BoardQuery, anchor: BoardAnchor, limit: Int,
                     scanSortIndex: Bool, rowSet: RowSetClause? = nil) throws -> [LoadSummary] {
        let statement = statement(query, anchor: anchor, limit: limit, scanSortIndex: scanSortIndex, rowSet: rowSet)
        // A cursor's rows read the statement in place; `fetchAll` copied every row first.
        let rows = try Array(Row.fetchCursor(db.cachedStatement(sql: statement.sql),
                                             arguments: StatementArguments(statement.arguments)).map(summary))
        return statement.reversed ? rows.reversed() : rows
    }

    /// Decodes a board row straight from the columns (no JSON, no Codable: 6× faster here).
    static func summary(_ row: Row) -> LoadSummary {
        LoadSummary(
            id: row[0], reference: row[1], status: LoadStatus(rawValue: row[2]) ?? .posted,
            originCity: row[3], originState: row[4], destCity: row[5], destState: row[6], pickupAt: row[7],
            equipment: row[8], fullLoad: row[9], weightLbs: row[10], lengthFt: row[11], miles: row[12],
            rateCents: row[13], ratePerMileCents: row[14], postedAt: row[15], driverId: row[16], pending: row[17],
            originLat: row[18], originLon: row[19], destLat: row[20], destLon: row[21], stopCount: row[22])
    }
}

extension BoardQueries {
    /// Fills in the centre of each radius typed as a city, from the cities the mirror's loads
    /// start or end in; a city it has never seen is refused with the reason.
    public func resolveCenters(_ query: BoardQuery) async throws -> Result<BoardQuery, BoardInputError> {
        guard query.needsCenters else { return .success(query) }
        return try resolveCentersHere(query)
    }

    /// Not `async`, so the pool's blocking `read` is the one called (as for `page`: a lookup or
    /// two by index, cheaper than a hop to the reader's queue).
    private func resolveCentersHere(_ query: BoardQuery) throws -> Result<BoardQuery, BoardInputError> {
        try mirror.pool.read { db in
            var query = query
            for keyPath in [\BoardQuery.origin, \BoardQuery.destination] {
                guard let place = query[keyPath: keyPath], place.needsCenter, let city = place.city else { continue }
                guard let center = try BoardQueries.cityCenter(db, city: city, state: place.state) else {
                    let name = [city, place.state].compactMap { $0 }.joined(separator: ", ")
                    return .failure(BoardInputError("no loads start or end in \(name); check the spelling or add the state",
                                                    field: keyPath == \BoardQuery.origin ? "origin" : "destination"))
                }
                query[keyPath: keyPath] = PlaceFilter(city: place.city, state: place.state ?? center.state, miles: place.miles,
                                                      center: GeoPoint(lat: center.lat, lon: center.lon))
            }
            return .success(query)
        }
    }

    /// The first load stop in that city, through the full-text index (no scan of the loads).
    static func cityCenter(_ db: Database, city: String, state: String?) throws
        -> (lat: Double, lon: Double, state: String)? {
        for end in ["origin", "dest"] {
            guard let statement = cityCenterStatement(city: city, state: state, end: end) else { return nil }
            let row = try Row.fetchOne(db.cachedStatement(sql: statement.sql), arguments: StatementArguments(statement.arguments))
            if let row { return (row[0], row[1], row[2]) }
        }
        return nil
    }

    /// The lookup `cityCenter` runs for one stop end (public so benchmarks can time the same SQL raw).
    public static func cityCenterStatement(city: String, state: String?, end: String)
        -> (sql: String, arguments: [DatabaseValue])? {
        guard let words = BoardFilterSQL.ftsMatch(city)?.replacingOccurrences(of: "*", with: "") else { return nil }
        // Driven by the FTS5 cursor, which stops at the first fit; `rowid IN (…)` built the list
        // of every load in the city first (8 ms for Dallas on 1M, most of a radius query).
        let sql = """
            SELECT l.\(end)_lat, l.\(end)_lon, l.\(end)_state FROM loads_fts f JOIN loads l ON l.rowid = f.rowid
            WHERE loads_fts MATCH ? AND l.\(end)_city = ? COLLATE NOCASE AND (? IS NULL OR l.\(end)_state = ?)
            LIMIT 1
            """
        return (sql, ["{\(end)_city}: \(words)".databaseValue, city.databaseValue,
                      state.databaseValue, state.databaseValue])
    }

    /// Sorts with an index of their own: a page can walk it instead of sorting every match.
    static let indexedSorts = Set(BoardSort.allCases)

    /// Whether a radius or text filter matches so many loads that walking the sort index and testing
    /// each row beats fetching every match and sorting them. Counting stops at the threshold, so
    /// the probe costs a millisecond or two whatever the filter.
    public static func prefersSortIndex(_ db: Database, _ query: BoardQuery, threshold: Int = 5_000) throws -> Bool {
        // With an equality filter too, matches are rare along the sort index and the walk grows long.
        guard indexedSorts.contains(query.sort), query.status == nil, query.equipment.isEmpty,
              query.driverId == nil else { return false }
        var lists: [(sql: String, arguments: [DatabaseValue])] = []
        if let text = query.text, let match = BoardFilterSQL.ftsMatch(text) {
            lists.append(("SELECT rowid FROM loads_fts WHERE loads_fts MATCH ?", [match.databaseValue]))
        }
        for (place, end) in [(query.origin, "origin"), (query.destination, "dest")] {
            guard let place, let miles = place.miles, let center = place.center else { continue }
            lists.append(GeoCells.list(end, center: center, miles: miles))
        }
        guard !lists.isEmpty else { return false }
        // The shortest list drives a lookup plan; only when every list is long does the index walk win.
        for list in lists {
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(list.sql) LIMIT ?)",
                                         arguments: StatementArguments(list.arguments + [threshold.databaseValue])) ?? 0
            if count < threshold { return false }
        }
        return true
    }

    /// `prefersSortIndex` on the mirror (for benchmarks that time the chosen statement raw).
    public func prefersSortIndex(_ query: BoardQuery) async throws -> Bool {
        try await mirror.pool.read { db in try BoardQueries.prefersSortIndex(db, query) }
    }
}
