import Foundation
import Testing
import GRDB
import Domain
@testable import Sync

/// The search tables follow every write path: deltas, deletions and a second snapshot.
@Suite("Search tables stay in step with the loads")
struct SearchMaintenanceTests {
    @Test func aDeltaMovesALoadInTheRadiusAndTextIndexes() async throws {
        let fixture = try await BoardFixture(count: 120)
        defer { fixture.remove() }
        let board = BoardQueries(mirror: fixture.mirror)
        var moved = try #require(fixture.loads.first { $0.pickup?.city == "Chicago" })
        moved.stops[0] = Stop(kind: .pickup, city: "Denver", state: "CO", zip: "80202", lat: 39.74, lon: -104.99,
                              windowStart: moved.stops[0].windowStart, windowEnd: moved.stops[0].windowEnd)
        moved.shipper = "Zephyr Quarries"
        moved.version += 1
        let deleted = try #require(fixture.loads.first { $0.shipper == "Mesa Produce" && $0.id != moved.id })
        let delta = PullResponse(cursor: "d1", hasMore: false, reset: false, lastMutationId: 0, serverTime: BoardFixture.now,
                                 loads: [moved], deleted: [Tombstone(table: "loads", id: deleted.id)])
        try await fixture.mirror.apply(try PullBatch(delta), actor: Actor(user: "dispatch", role: .dispatcher))

        let nearDenver = try await board.resolveCenters(BoardQuery(origin: PlaceFilter(city: "Denver", state: "CO", miles: 30))).get()
        #expect(try await fixture.pageThrough(nearDenver, size: 50).contains { $0.id == moved.id })
        let nearChicago = try await board.resolveCenters(BoardQuery(origin: PlaceFilter(city: "Chicago", state: "IL", miles: 30))).get()
        #expect(try await !fixture.pageThrough(nearChicago, size: 50).contains { $0.id == moved.id })
        #expect(try await fixture.pageThrough(BoardQuery(text: "zephyr"), size: 50).map(\.id) == [moved.id])
        #expect(try await !fixture.pageThrough(BoardQuery(text: "mesa"), size: 50).contains { $0.id == deleted.id })
        // FTS5's own consistency check against the loads table.
        try await fixture.mirror.pool.write { db in
            try db.execute(sql: "INSERT INTO loads_fts(loads_fts, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test func aSecondSnapshotRebuildsTheSearchTables() async throws {
        let fixture = try await BoardFixture(count: 300, pageSize: 100)
        defer { fixture.remove() }
        var fresh = fixture.loads[0]
        fresh.id = "L-9001"
        fresh.shipper = "Only Shipper Left"
        let snapshot = PullResponse(cursor: "s2", hasMore: false, reset: true, lastMutationId: 0,
                                    serverTime: BoardFixture.now, loads: [fresh])
        try await fixture.mirror.apply(try PullBatch(snapshot), actor: Actor(user: "dispatch", role: .dispatcher))
        #expect(try await fixture.pageThrough(BoardQuery(text: "acme"), size: 50).isEmpty)
        #expect(try await fixture.pageThrough(BoardQuery(text: "only shipper"), size: 50).map(\.id) == ["L-9001"])
        let counts = try await fixture.mirror.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM loads INDEXED BY loads_origin_cell") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM loads INDEXED BY loads_dest_cell") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'loads_search%'") ?? -1)
        }
        #expect(counts == (1, 1, 4))
        try await fixture.mirror.pool.write { db in
            try db.execute(sql: "INSERT INTO loads_fts(loads_fts, rank) VALUES ('integrity-check', 1)")
        }
    }
}
