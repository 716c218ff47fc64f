import Foundation
import GRDB
import Domain

/// How a page applies the query's text and radius filters once their rows are in a `RowSet`.
enum RowSetClause: Sendable, Hashable {
    /// Walking a sort index, each entry asks `loads_in_rowset(rowid)` (no read of the row).
    case walk
    /// Looking up each rowid of the set, given as a JSON array, and sorting those rows.
    case drive(String)
}

/// A board query's filters as SQL over the mirror's `loads` table and its search tables.
struct BoardFilterSQL {
    private(set) var clauses: [String] = []
    private(set) var arguments: [DatabaseValue] = []

    /// `+rowid` keeps SQLite from driving the query by the search table's row list, so it walks the
    /// sort column's index and tests each row against the list: far faster when the list is long.
    private let rowid: String
    private let scanSortIndex: Bool

    /// Columns compared by equality, written `+column` when they share no index with the page's sort:
    /// SQLite would otherwise read every match through the filter's index and sort them all, where
    /// walking the sort's own index stops after a page.
    private var equalityColumns: [String: String] = [:]

    /// The query's text and radius filters, already made a `RowSet` (nil: tested here in SQL).
    private let rowSet: RowSetClause?

    /// - Parameters:
    ///   - pageSort: the sort of the page being read; nil for counts, which have no order.
    ///   - rowSet: set when the text and radius filters were made a `RowSet` (`BoardPlan`).
    init(_ query: BoardQuery, now: Int64, scanSortIndex: Bool = false, pageSort: BoardSort? = nil,
         rowSet: RowSetClause? = nil) {
        rowid = scanSortIndex ? "+rowid" : "rowid"
        self.scanSortIndex = scanSortIndex
        self.rowSet = rowSet
        let sharesIndex: [String: Set<BoardSort>] = [
            "status": [.pickup, .ratePerMile, .origin], "equipment": [.pickup], "origin_state": [.pickup],
        ]
        switch rowSet {
        case .drive(let rowids):
            // Driven by the set's rowids: no equality index may tempt SQLite away from them.
            for column in sharesIndex.keys { equalityColumns[column] = "+" + column }
            add("rowid IN (SELECT value FROM json_each(?))", [rowids.databaseValue])
        case .walk:
            // First, so SQLite tests it on the index entry before it reads the row.
            add("\(RowSetStore.functionName)(rowid)", [])
            fallthrough
        case nil:
            if let sort = pageSort {
                for (column, sorts) in sharesIndex where !sorts.contains(sort) { equalityColumns[column] = "+" + column }
            }
        }
        if let status = query.status { add("\(column("status")) = ?", [status.rawValue.databaseValue]) }
        if query.openWork == true {
            add("\(column("status")) IN (?, ?)", BoardQuery.openStatuses.map(\.rawValue.databaseValue))
            add("pickup_at >= ?", [BoardFilterSQL.startOfToday(now).databaseValue])
        }
        place(query.origin, prefix: "origin")
        place(query.destination, prefix: "dest")
        if !query.equipment.isEmpty {
            let marks = Array(repeating: "?", count: query.equipment.count).joined(separator: ", ")
            add("\(column("equipment")) IN (\(marks))", query.equipment.map { $0.uppercased().databaseValue })
        }
        if let from = query.pickupFrom { add("pickup_at >= ?", [from.databaseValue]) }
        if let to = query.pickupTo { add("pickup_at <= ?", [to.databaseValue]) }
        if let min = query.minRatePerMileCents { add("rpm_cents >= ?", [min.databaseValue]) }
        if let max = query.maxWeightLbs { add("weight <= ?", [max.databaseValue]) }
        if let max = query.maxLengthFt { add("length <= ?", [max.databaseValue]) }
        if let full = query.fullLoad { add("full_load = ?", [full.databaseValue]) }
        if let minutes = query.maxAgeMinutes { add("posted_at >= ?", [(now - Int64(minutes) * 60).databaseValue]) }
        if rowSet == nil, let text = query.text, let match = BoardFilterSQL.ftsMatch(text) {
            add("\(rowid) IN (SELECT rowid FROM loads_fts WHERE loads_fts MATCH ?)", [match.databaseValue])
        }
        if let driver = query.driverId { add("driver_id = ?", [driver.databaseValue]) }
    }

    private func column(_ name: String) -> String { equalityColumns[name] ?? name }

    /// Local midnight before `now`: "today" is the dispatcher's day, not UTC's.
    static func startOfToday(_ now: Int64) -> Int64 {
        let offset = Int64(TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(now))))
        return (now + offset) / 86_400 * 86_400 - offset
    }

    mutating func add(_ sql: String, _ values: [DatabaseValue]) {
        clauses.append(sql)
        arguments += values
    }

    var whereClause: (String, [DatabaseValue]) {
        (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), arguments)
    }

    /// A state, an exact city, or a radius: the cell index narrows to a box, arithmetic keeps the circle.
    private mutating func place(_ place: PlaceFilter?, prefix: String) {
        guard let place else { return }
        if let miles = place.miles, let center = place.center {
            let box = center.box(roadMiles: miles)
            if rowSet != nil {
                // The box's cells are in the row set.
            } else if scanSortIndex {
                // Walking the sort index: each row is tested where it stands; building the cells'
                // list of tens of thousands of ids would cost more than the walk.
                add("\(prefix)_lat BETWEEN ? AND ? AND \(prefix)_lon BETWEEN ? AND ?",
                    [box.minLat, box.maxLat, box.minLon, box.maxLon].map(\.databaseValue))
            } else {
                let list = GeoCells.list(prefix, center: center, miles: miles)
                add("rowid IN (\(list.sql))", list.arguments)
            }
            let circle = BoardFilterSQL.circle(lat: "\(prefix)_lat", lon: "\(prefix)_lon", center: center, miles: miles)
            add(circle.sql, circle.arguments)
            return
        }
        if let state = place.state { add("\(column("\(prefix)_state")) = ?", [state.uppercased().databaseValue]) }
        if let city = place.city { add("\(prefix)_city = ? COLLATE NOCASE", [city.databaseValue]) }
    }

    /// The radius rule on two coordinate expressions: flat-earth distance within the straight-line
    /// equivalent of `miles` by road.
    static func circle(lat: String, lon: String, center: GeoPoint, miles: Int) -> (sql: String, arguments: [DatabaseValue]) {
        let kx = center.milesPerDegreeLon, ky = GeoPoint.milesPerDegreeLat
        return ("((\(lat) - ?) * \(ky)) * ((\(lat) - ?) * \(ky)) + ((\(lon) - ?) * \(kx)) * ((\(lon) - ?) * \(kx)) <= ?",
                [center.lat, center.lat, center.lon, center.lon, GeoPoint.squaredStraightMiles(roadMiles: miles)].map(\.databaseValue))
    }

    /// Each word typed becomes a prefix term; all must match. Quotes are doubled so any text is safe.
    static func ftsMatch(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "\"" || $0 == "*" }).prefix(8)
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " ")
    }
}
