import GRDB
import Domain

/// Radius filters through a grid of quarter-degree cells: each stop end's cell is a generated
/// column of `loads` (mirror migration v6), indexed with the equipment, and a radius's box
/// becomes the list of cells it touches.
///
/// It replaced the R*Trees: on 1M loads, stepping the 35,000 loads of Dallas's box took 6 ms
/// through an R*Tree and 2–3 ms through this B-tree, which SQLite also keeps up to date far
/// more cheaply on every synced write.
enum GeoCells {
    /// Cells per degree, in both directions.
    static let perDegree = 4.0
    /// Cell numbers of one grid row: more than the 1,441 columns of 360 degrees.
    static let rowStride: Int64 = 2048
    static let maxRow = 180 * 4, maxColumn = 360 * 4

    /// The generated column's expression for one stop end, `origin` or `dest`. Part of the
    /// schema since v6: the Swift side below computes the same cells, so it never changes.
    static func expression(_ end: String) -> String {
        "CAST((\(end)_lat + 90) * 4 AS INTEGER) * 2048 + CAST((\(end)_lon + 180) * 4 AS INTEGER)"
    }

    /// The grid row or column SQLite's `CAST(... AS INTEGER)` gives a coordinate (it truncates,
    /// which is the floor for these non-negative values), kept on the grid.
    static func index(_ degrees: Double, offset: Double, limit: Int) -> Int64 {
        let scaled = (degrees + offset) * perDegree
        guard scaled.isFinite else { return 0 }
        return Int64(min(Double(limit), max(0, scaled)).rounded(.down))
    }

    /// The cells covering `box`, row by row. Every point in the box lies in one of them, because
    /// both sides compute a point's cell with the same arithmetic. At most about 18,000 (a
    /// 1,000-mile radius, the largest the board accepts).
    static func cells(_ box: (minLat: Double, maxLat: Double, minLon: Double, maxLon: Double)) -> [Int64] {
        let firstRow = index(box.minLat, offset: 90, limit: maxRow), lastRow = index(box.maxLat, offset: 90, limit: maxRow)
        let firstColumn = index(box.minLon, offset: 180, limit: maxColumn)
        let lastColumn = index(box.maxLon, offset: 180, limit: maxColumn)
        guard firstRow <= lastRow, firstColumn <= lastColumn else { return [] }
        return (firstRow ... lastRow).flatMap { row in (firstColumn ... lastColumn).map { row * rowStride + $0 } }
    }

    /// The rowids of the loads whose `end` lies in a cell of the box around `center`, and when
    /// `equipment` is given, whose equipment is one of them. A superset of the radius: the
    /// circle is tested on each row a page reads.
    ///
    /// One index seek per cell (and equipment) rather than one range per grid row: with an
    /// equipment, the seeks skip the other equipment's entries, which halved the Dallas +150 mi
    /// list of vans on 1M loads (15,855 of 35,212 entries).
    static func list(_ end: String, center: GeoPoint, miles: Int, equipment: [String] = [])
        -> (sql: String, arguments: [DatabaseValue]) {
        let json = "[" + cells(center.box(roadMiles: miles)).map(String.init).joined(separator: ",") + "]"
        var sql = "SELECT l.rowid FROM json_each(?) AS r JOIN loads AS l INDEXED BY loads_\(end)_cell ON l.\(end)_cell = r.value"
        var arguments = [json.databaseValue]
        if !equipment.isEmpty {
            sql += " AND l.equipment IN (\(Array(repeating: "?", count: equipment.count).joined(separator: ", ")))"
            arguments += equipment.map { $0.uppercased().databaseValue }
        }
        return (sql, arguments)
    }
}
