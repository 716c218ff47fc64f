import Foundation
import Testing
import GRDB
import Domain
@testable import Sync

/// Radius lists from the cell index: never missing a load of the box, the sets kept or dropped
/// as cells and equipment change, and a v5 mirror upgraded in place.
@Suite("Radius cells")
struct GeoCellsTests {
    /// Loads placed on cell edges and on the box's own edges, beside the fixture's cities.
    static let edges: [(lat: Double, lon: Double)] = [
        (32.75, -96.75), (32.5, -97.0), (33.0, -96.5), (32.999999, -96.500001), (31.0, -98.0), (34.25, -95.25),
    ]

    @Test func aBoxsCellsHoldEveryLoadInTheBoxAndTheRadiusFindsThem() async throws {
        let fixture = try await BoardFixture(count: 300)
        defer { fixture.remove() }
        let centers = [GeoPoint(lat: 32.7831, lon: -96.8067), GeoPoint(lat: 32.75, lon: -96.75), GeoPoint(lat: 39.7392, lon: -104.9903)]
        // Boxes whose edges fall on the moved loads, so an off-by-one cell would lose them.
        try await fixture.mirror.pool.write { db in
            for (index, point) in GeoCellsTests.edges.enumerated() {
                try db.execute(sql: "UPDATE loads SET origin_lat = ?, origin_lon = ? WHERE id = ?",
                               arguments: [point.lat, point.lon, fixture.loads[index * 5].id])
            }
        }
        for center in centers {
            for miles in [1, 25, 60, 150, 400] {
                let box = center.box(roadMiles: miles)
                let list = GeoCells.list("origin", center: center, miles: miles)
                let (listed, inBox) = try await fixture.mirror.pool.read { db in
                    (Set(try Int64.fetchAll(db, sql: list.sql, arguments: StatementArguments(list.arguments))),
                     Set(try Int64.fetchAll(db, sql: """
                         SELECT rowid FROM loads WHERE origin_lat BETWEEN ? AND ? AND origin_lon BETWEEN ? AND ?
                         """, arguments: [box.minLat, box.maxLat, box.minLon, box.maxLon])))
                }
                #expect(inBox.isSubset(of: listed), "\(center) +\(miles) mi: \(inBox.subtracting(listed).count) loads of the box missed")
            }
        }
        // And a box whose edge is exactly a moved load.
        for point in GeoCellsTests.edges {
            let cells = GeoCells.cells((point.lat, point.lat, point.lon, point.lon))
            let cell = try await fixture.mirror.pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT \(GeoCells.expression("origin")) FROM (SELECT ? AS origin_lat, ? AS origin_lon)",
                                   arguments: [point.lat, point.lon])
            }
            #expect(cells == [try #require(cell)], "\(point)")
        }
    }

    @Test func theEquipmentIsTestedInTheCellIndex() async throws {
        let fixture = try await BoardFixture(count: 200)
        defer { fixture.remove() }
        let dallas = GeoPoint(lat: 32.7831, lon: -96.8067)
        let all = GeoCells.list("origin", center: dallas, miles: 150)
        let vans = GeoCells.list("origin", center: dallas, miles: 150, equipment: ["v", "R"])
        let (every, some, plan) = try await fixture.mirror.pool.read { db in
            (try Int64.fetchAll(db, sql: all.sql, arguments: StatementArguments(all.arguments)),
             try Int64.fetchAll(db, sql: vans.sql, arguments: StatementArguments(vans.arguments)),
             try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + vans.sql, arguments: StatementArguments(vans.arguments))
                .map { $0["detail"] as String }.joined(separator: "\n"))
        }
        let dallasLoads = fixture.loads.filter { ["Dallas", "Fort Worth"].contains($0.pickup?.city) }
        #expect(every.count == dallasLoads.count)
        #expect(some.count == dallasLoads.filter { ["V", "R"].contains($0.equipment) }.count)
        #expect(plan.contains("USING INDEX loads_origin_cell (origin_cell=? AND equipment=?)"), "\(plan)")
    }

    @Test func aMoveWithinItsCellKeepsTheSetsAndACellOrEquipmentChangeDropsThem() async throws {
        let fixture = try await BoardFixture(count: 20)
        defer { fixture.remove() }
        func version() async throws -> Int64 { try await fixture.mirror.pool.read { db in try Mirror.searchVersion(db) } }
        func update(_ sql: String) async throws {
            try await fixture.mirror.pool.write { db in try db.execute(sql: sql + " WHERE id = 'L-2'") }
        }
        let start = try await version()
        try await update("UPDATE loads SET origin_lat = origin_lat + 0.0001, rpm_cents = rpm_cents + 1, status = 'X3'")
        #expect(try await version() == start, "within the cell, a rate and a status: every set stays")
        try await update("UPDATE loads SET origin_lat = origin_lat + 1")
        #expect(try await version() == start + 1, "another origin cell")
        try await update("UPDATE loads SET dest_lon = dest_lon - 2")
        #expect(try await version() == start + 2, "another destination cell")
        try await update("UPDATE loads SET equipment = 'HB'")
        #expect(try await version() == start + 3, "other equipment")
    }

    @Test func aVersion5MirrorIsUpgradedInPlace() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cells-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("mirror.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Mirror.migrator.migrate(queue, upTo: "v5")
            try await queue.write { db in
                for (n, city) in BoardFixture.cities.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO loads(id, reference, status, equipment, full_load, weight, length, miles, rate_cents,
                            rpm_cents, posted_at, origin_city, origin_state, origin_sort, dest_city, dest_state, pickup_at,
                            body, shipper, commodity, origin_lat, origin_lon, dest_lat, dest_lon)
                        VALUES (?, ?, 'posted', 'V', 1, 40000, 53, 500, 150000, 300, 0, ?, ?, ?, 'Fresno', 'CA', ?, '{}',
                            'Acme Steel', 'steel coils', ?, ?, 36.7378, -119.7871)
                        """, arguments: ["L-\(n)", "REF\(n)", city.name, city.state, "\(city.state) \(city.name)", n,
                                         city.lat, city.lon])
                }
            }
            #expect(try await queue.read { db in try db.tableExists("loads_origin_geo") })
        }
        let mirror = try Mirror(path: path)
        let board = BoardQueries(mirror: mirror)
        let (geoTables, triggers) = try await mirror.pool.read { db in
            (try db.tableExists("loads_origin_geo") || db.tableExists("loads_dest_geo"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"))
        }
        #expect(!geoTables, "the R*Trees are dropped")
        #expect(triggers == ["loads_search_delete", "loads_search_insert", "loads_search_place", "loads_search_text"])
        let near = try await board.resolveCenters(BoardQuery(origin: PlaceFilter(city: "Dallas", state: "TX", miles: 60))).get()
        #expect(try await board.page(near, anchor: .first, limit: 50).map(\.id).sorted() == ["L-0", "L-1"])
        let toFresno = BoardQuery(destination: PlaceFilter(city: "Fresno", state: "CA", miles: 10,
                                                          center: GeoPoint(lat: 36.7378, lon: -119.7871)))
        #expect(try await board.page(toFresno, anchor: .first, limit: 50).count == BoardFixture.cities.count)
        #expect(try await board.page(BoardQuery(text: "steel"), anchor: .first, limit: 50).count == BoardFixture.cities.count)
    }
}
