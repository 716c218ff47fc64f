import Foundation
import Testing
import GRDB
import Domain
@testable import Sync

/// A snapshot builds what the first screens need with its last page, and the other sort indexes
/// of `loads` right after; a crash or a second snapshot in between loses none of them.
@Suite("Sort indexes after a snapshot")
struct SnapshotIndexesTests {
    static func indexes(_ mirror: Mirror) async throws -> Set<String> {
        try await mirror.pool.read { db in
            Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
        }
    }

    /// Pages a snapshot of `loads` into `mirror`, without building what it defers.
    static func snapshot(_ loads: [Load], into mirror: Mirror, pageSize: Int, cursor: String) async throws {
        let pages = stride(from: 0, to: loads.count, by: pageSize).map { Array(loads[$0 ..< min(loads.count, $0 + pageSize)]) }
        for (index, page) in pages.enumerated() {
            let response = PullResponse(cursor: "\(cursor)\(index)", hasMore: index < pages.count - 1, reset: index == 0,
                                        lastMutationId: 0, serverTime: BoardFixture.now, loads: page)
            try await mirror.apply(try PullBatch(response), actor: Actor(user: "dispatch", role: .dispatcher))
        }
    }

    @Test func theFirstScreensIndexesComeWithTheSnapshotAndTheRestRightAfter() async throws {
        let fixture = try await BoardFixture(count: 30)
        defer { fixture.remove() }
        let all = try await SnapshotIndexesTests.indexes(fixture.mirror)
        #expect(all.contains("loads_rate") && all.contains("loads_pickup_geo"))

        try await SnapshotIndexesTests.snapshot(fixture.loads, into: fixture.mirror, pageSize: 10, cursor: "s")
        let early = try await SnapshotIndexesTests.indexes(fixture.mirror)
        #expect(early.isSuperset(of: SnapshotIndexes.builtAtOnce))
        #expect(early.contains("events_load"), "other tables' indexes are built at once")
        #expect(!early.contains("loads_rate"))
        let waiting = try await fixture.mirror.deferredIndexCount()
        #expect(waiting == all.subtracting(early).count && waiting >= 10)
        // Without their indexes, sorts still give every row in order.
        let byRate = try await fixture.pageThrough(BoardQuery(sort: .rate, descending: true), size: 7)
        #expect(byRate.count == 30 && byRate.map(\.rateCents) == byRate.map(\.rateCents).sorted(by: >))

        try await fixture.mirror.buildDeferredIndexes()
        #expect(try await SnapshotIndexesTests.indexes(fixture.mirror) == all)
        #expect(try await fixture.mirror.deferredIndexCount() == 0)
        #expect(try await fixture.pageThrough(BoardQuery(sort: .rate, descending: true), size: 7) == byRate)
    }

    @Test func aSecondSnapshotBeforeTheyAreBuiltBuildsThemAtItsEnd() async throws {
        let fixture = try await BoardFixture(count: 30)
        defer { fixture.remove() }
        let all = try await SnapshotIndexesTests.indexes(fixture.mirror)
        try await SnapshotIndexesTests.snapshot(fixture.loads, into: fixture.mirror, pageSize: 10, cursor: "a")
        // A second snapshot starts before any was built: its first page drops the rest.
        try await SnapshotIndexesTests.snapshot(fixture.loads, into: fixture.mirror, pageSize: 10, cursor: "b")
        let waiting = try await fixture.mirror.deferredIndexCount()
        #expect(waiting == all.subtracting(try await SnapshotIndexesTests.indexes(fixture.mirror)).count)
        // And a mirror reopened (as after a crash) still knows what is left.
        let reopened = try Mirror(path: fixture.mirror.path)
        #expect(try await reopened.deferredIndexCount() == waiting)
        try await reopened.buildDeferredIndexes()
        #expect(try await SnapshotIndexesTests.indexes(reopened) == all)
    }

    static func definition(_ mirror: Mirror, _ name: String) async throws -> String? {
        try await mirror.pool.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name])
        }
    }

    static let newRate = "CREATE INDEX loads_rate ON loads(rate_cents, id, equipment)"

    @Test func migrationsGiveTheStateAndEquipmentIndexesTheOtherColumn() async throws {
        let fixture = try await BoardFixture(count: 30)
        defer { fixture.remove() }
        // A small mirror builds them while it opens.
        #expect(try await SnapshotIndexesTests.definition(fixture.mirror, "loads_state_pickup")?.contains("pickup_at, id, equipment") == true)
        #expect(try await SnapshotIndexesTests.definition(fixture.mirror, "loads_equipment_pickup")?.contains("pickup_at, id, origin_state") == true)
        #expect(try await fixture.mirror.deferredIndexCount() == 0)
    }

    @Test func aRedefinedIndexOnALargeMirrorIsBuiltAfterOpening() async throws {
        let fixture = try await BoardFixture(count: 30)
        defer { fixture.remove() }
        try await fixture.mirror.pool.write { db in try SnapshotIndexes.redefine(db, SnapshotIndexesTests.newRate, deferAbove: 20) }
        #expect(try await SnapshotIndexesTests.definition(fixture.mirror, "loads_rate") == nil)
        #expect(try await fixture.mirror.deferredIndexCount() == 1)
        let byRate = try await fixture.pageThrough(BoardQuery(sort: .rate, descending: true), size: 7)
        #expect(byRate.count == 30)
        try await fixture.mirror.buildDeferredIndexes()
        #expect(try await SnapshotIndexesTests.definition(fixture.mirror, "loads_rate") == SnapshotIndexesTests.newRate)
        #expect(try await fixture.pageThrough(BoardQuery(sort: .rate, descending: true), size: 7) == byRate)
    }

    @Test func aRedefinitionDuringOrAfterASnapshotReplacesTheSavedStatement() async throws {
        for phase in ["streaming", "deferred"] {
            let fixture = try await BoardFixture(count: 30)
            defer { fixture.remove() }
            if phase == "streaming" {
                // Only the snapshot's first page: its indexes are saved, not built.
                let response = PullResponse(cursor: "s0", hasMore: true, reset: true, lastMutationId: 0,
                                            serverTime: BoardFixture.now, loads: Array(fixture.loads.prefix(10)))
                try await fixture.mirror.apply(try PullBatch(response), actor: Actor(user: "dispatch", role: .dispatcher))
            } else {
                try await SnapshotIndexesTests.snapshot(fixture.loads, into: fixture.mirror, pageSize: 10, cursor: "s")
            }
            let waiting = try await fixture.mirror.deferredIndexCount()
            try await fixture.mirror.pool.write { db in try SnapshotIndexes.redefine(db, SnapshotIndexesTests.newRate, deferAbove: 1) }
            #expect(try await fixture.mirror.deferredIndexCount() == waiting, "\(phase): listed once, not twice")
            if phase == "streaming" {
                let rest = Array(fixture.loads.dropFirst(10))
                let response = PullResponse(cursor: "s1", hasMore: false, reset: false, lastMutationId: 0,
                                            serverTime: BoardFixture.now, loads: rest)
                try await fixture.mirror.apply(try PullBatch(response), actor: Actor(user: "dispatch", role: .dispatcher))
            }
            try await fixture.mirror.buildDeferredIndexes()
            #expect(try await SnapshotIndexesTests.definition(fixture.mirror, "loads_rate") == SnapshotIndexesTests.newRate, "\(phase)")
            #expect(try await fixture.pageThrough(BoardQuery(sort: .rate), size: 9).count == 30)
        }
    }

    @Test func theIndexNameAndTableAreReadFromItsStatement() {
        func target(_ statement: String) -> String? { SnapshotIndexes.target(of: statement).map { "\($0.name) on \($0.table)" } }
        #expect(target("CREATE INDEX loads_rate ON loads(rate_cents, id)") == "loads_rate on loads")
        #expect(target("CREATE INDEX loads_dest ON loads((dest_state || ' ' || dest_city), id)") == "loads_dest on loads")
        #expect(target("CREATE INDEX events_load ON events(load_id, at)") == "events_load on events")
        #expect(target("not an index") == nil)
    }
}
