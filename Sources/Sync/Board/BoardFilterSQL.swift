import Foundation
import GRDB
import Domain

/// A board query's filters as SQL over the mirror's `loads` table and its search tables.
struct BoardFilterSQL {
    private(set) var clauses: [String] = []
    private(set) var arguments: [DatabaseValue] = []

    init(_ query: BoardQuery, now: Int64) {
        if let status = query.status { add("status = ?", [status.rawValue.databaseValue]) }
        place(query.origin, prefix: "origin", geo: "loads_origin_geo")
        place(query.destination, prefix: "dest", geo: "loads_dest_geo")
        if !query.equipment.isEmpty {
            let marks = Array(repeating: "?", count: query.equipment.count).joined(separator: ", ")
            add("equipment IN (\(marks))", query.equipment.map { $0.uppercased().databaseValue })
        }
        if let from = query.pickupFrom { add("pickup_at >= ?", [from.databaseValue]) }
        if let to = query.pickupTo { add("pickup_at <= ?", [to.databaseValue]) }
        if let min = query.minRatePerMileCents { add("rpm_cents >= ?", [min.databaseValue]) }
        if let max = query.maxWeightLbs { add("weight <= ?", [max.databaseValue]) }
        if let max = query.maxLengthFt { add("length <= ?", [max.databaseValue]) }
        if let full = query.fullLoad { add("full_load = ?", [full.databaseValue]) }
        if let minutes = query.maxAgeMinutes { add("posted_at >= ?", [(now - Int64(minutes) * 60).databaseValue]) }
        if let text = query.text, let match = BoardFilterSQL.ftsMatch(text) {
            add("rowid IN (SELECT rowid FROM loads_fts WHERE loads_fts MATCH ?)", [match.databaseValue])
        }
        if let driver = query.driverId { add("driver_id = ?", [driver.databaseValue]) }
    }

    mutating func add(_ sql: String, _ values: [DatabaseValue]) {
        clauses.append(sql)
        arguments += values
    }

    var whereClause: (String, [DatabaseValue]) {
        (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), arguments)
    }

    /// A state, an exact city, or a radius: the R*Tree narrows to a box, arithmetic keeps the circle.
    private mutating func place(_ place: PlaceFilter?, prefix: String, geo: String) {
        guard let place else { return }
        if let miles = place.miles, let center = place.center {
            let box = center.box(roadMiles: miles)
            add("rowid IN (SELECT id FROM \(geo) WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?)",
                [box.minLat, box.maxLat, box.minLon, box.maxLon].map(\.databaseValue))
            let kx = center.milesPerDegreeLon, ky = GeoPoint.milesPerDegreeLat
            add("((\(prefix)_lat - ?) * \(ky)) * ((\(prefix)_lat - ?) * \(ky)) + ((\(prefix)_lon - ?) * \(kx)) * ((\(prefix)_lon - ?) * \(kx)) <= ?",
                [center.lat, center.lat, center.lon, center.lon, GeoPoint.squaredStraightMiles(roadMiles: miles)].map(\.databaseValue))
            return
        }
        if let state = place.state { add("\(prefix)_state = ?", [state.uppercased().databaseValue]) }
        if let city = place.city { add("\(prefix)_city = ? COLLATE NOCASE", [city.databaseValue]) }
    }

    /// Each word typed becomes a prefix term; all must match. Quotes are doubled so any text is safe.
    static func ftsMatch(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "\"" || $0 == "*" }).prefix(8)
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " ")
    }
}
