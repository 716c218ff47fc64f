import Foundation
import Testing
import GRDB
import Domain
@testable import Sync

@Suite("Row sets: text and radius as bitmaps")
struct RowSetTests {
    @Test func insertContainsIntersectAndList() {
        var a = RowSet([5, 64, 1_000, 3])
        a.insert(64)
        #expect(a.count == 4, "a repeated rowid counts once")
        #expect(a.contains(1_000) && a.contains(3) && !a.contains(4) && !a.contains(70_000) && !a.contains(-1))
        let b = RowSet([3, 64, 65, 99_999])
        #expect(a.intersection(b).rowids == [3, 64])
        #expect(a.intersection(b).count == 2)
        #expect(a.rowids == [3, 5, 64, 1_000])
        #expect(RowSet().intersection(a).count == 0)
    }

    @Test func aDriveIsChosenOnlyWhenLookingUpEveryMatchIsCheaperThanTheWalk() {
        // 1M loads, a page of 50: a radius of 35,000 loads is walked, and the walk may go on far
        // past the 1,400 entries expected before the lookups would have cost less.
        let radius = BoardQueries.walkOrDrive(matches: 35_000, rows: 1_000_000, limit: 50)
        #expect(!radius.drive)
        #expect(radius.budget > 300_000 && radius.budget < 500_000)
        // 500 matches: 25,000 lookups' worth against a 100,000-entry walk.
        #expect(BoardQueries.walkOrDrive(matches: 500, rows: 1_000_000, limit: 50).drive)
        #expect(BoardQueries.walkOrDrive(matches: 0, rows: 1_000_000, limit: 50).drive)
        // A small mirror is walked whole rather than looked up row by row.
        #expect(!BoardQueries.walkOrDrive(matches: 300, rows: 700, limit: 50).drive)
    }
}

/// Every plan returns the same rows in the same order as SQLite's own lists (`BoardPlan.lists`),
/// page by page, for text and radius combined with the other filters in several sorts.
@Suite("Board plans agree")
struct RowSetPlanTests {
    static func queries(_ board: BoardQueries) async throws -> [BoardQuery] {
        let dallas = PlaceFilter(city: "Dallas", state: "TX", miles: 150)
        let oklahoma = PlaceFilter(city: "Oklahoma City", state: "OK", miles: 100)
        let raw: [BoardQuery] = [
            BoardQuery(text: "steel"),
            BoardQuery(text: "lumber", sort: .rate, descending: true),
            BoardQuery(status: .posted, origin: dallas, equipment: ["V"], sort: .ratePerMile, descending: true),
            BoardQuery(origin: dallas, text: "acme"),
            BoardQuery(origin: dallas, destination: oklahoma, sort: .miles),
            BoardQuery(status: .assigned, equipment: ["R", "F"], text: "co", sort: .origin),
            BoardQuery(destination: oklahoma, minRatePerMileCents: 150, text: "ref1000", sort: .reference, descending: true),
        ]
        var resolved: [BoardQuery] = []
        for query in raw { resolved.append(try await board.resolveCenters(query).get()) }
        return resolved
    }

    /// Pages through `query` with `plan`, as the board does (keyset anchors).
    static func pages(_ mirror: Mirror, _ query: BoardQuery, size: Int, plan: @escaping @Sendable (RowSet) -> BoardPlan)
        async throws -> [String] {
        let stores = mirror.rowSets
        var all: [String] = []
        var anchor = BoardAnchor.first
        while true {
            let current = anchor
            let page = try await mirror.pool.read { db in
                let store = stores.store(db)
                return try BoardQueries.page(db, query, anchor: current, limit: size,
                                             plan: plan(try rowSet(db, store, query)), store: store)
            }
            all += page.map(\.id)
            guard page.count == size, let last = page.last else { return all }
            anchor = .after(last)
        }
    }

    /// The query's text and radius matches, intersected, as the board's plan builds them.
    static func rowSet(_ db: Database, _ store: RowSetStore, _ query: BoardQuery) throws -> RowSet {
        var set: RowSet?
        for list in RowList.lists(query) {
            let next = try store.set(db, list)
            set = set.map { $0.intersection(next) } ?? next
        }
        return set ?? RowSet()
    }

    /// The last page of `query` with `plan` (End: the walk runs backwards from the index's end).
    static func lastPage(_ mirror: Mirror, _ query: BoardQuery, size: Int, plan: @escaping @Sendable (RowSet) -> BoardPlan)
        async throws -> [String] {
        let stores = mirror.rowSets
        return try await mirror.pool.read { db in
            let store = stores.store(db)
            return try BoardQueries.page(db, query, anchor: .last, limit: size,
                                         plan: plan(try rowSet(db, store, query)), store: store).map(\.id)
        }
    }

    @Test func walkDriveAndAWalkOverBudgetGiveTheListsRows() async throws {
        let fixture = try await BoardFixture(count: 700)
        defer { fixture.remove() }
        for query in try await RowSetPlanTests.queries(BoardQueries(mirror: fixture.mirror)) {
            let expected = try await RowSetPlanTests.pages(fixture.mirror, query, size: 9) { _ in .lists }
            #expect(!expected.isEmpty, "\(query.summary) matches some fixture loads")
            let walked = try await RowSetPlanTests.pages(fixture.mirror, query, size: 9) { .rowSetWalk($0, budget: .max) }
            let driven = try await RowSetPlanTests.pages(fixture.mirror, query, size: 9) { .rowSetDrive($0) }
            // A budget of three entries stops every walk: the page is finished by a drive.
            let cutShort = try await RowSetPlanTests.pages(fixture.mirror, query, size: 9) { .rowSetWalk($0, budget: 3) }
            #expect(walked == expected, "walk: \(query.summary)")
            #expect(driven == expected, "drive: \(query.summary)")
            #expect(cutShort == expected, "walk over budget: \(query.summary)")
            // End: the same last rows, in order, whichever way they are read.
            let tail = Array(expected.suffix(9))
            #expect(try await RowSetPlanTests.lastPage(fixture.mirror, query, size: 9) { .rowSetWalk($0, budget: .max) } == tail)
            #expect(try await RowSetPlanTests.lastPage(fixture.mirror, query, size: 9) { .rowSetDrive($0) } == tail)
            #expect(try await RowSetPlanTests.lastPage(fixture.mirror, query, size: 9) { .rowSetWalk($0, budget: 3) } == tail)
            // And what the board chooses by itself.
            #expect(try await fixture.pageThrough(query, size: 9).map(\.id) == expected, "chosen: \(query.summary)")
        }
    }

    @Test func aTextWalkTestsTheSetInTheSortIndexWithoutSorting() async throws {
        let fixture = try await BoardFixture(count: 50)
        defer { fixture.remove() }
        for (sort, index) in [(BoardSort.pickup, "loads_pickup_geo"), (.rate, "loads_rate")] {
            let statement = BoardQueries.statement(BoardQuery(text: "steel", sort: sort), anchor: .first, limit: 50,
                                                   scanSortIndex: false, rowSet: .walk)
            let plan = try await fixture.mirror.pool.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: StatementArguments(statement.arguments))
                    .map { $0["detail"] as String }.joined(separator: "\n")
            }
            #expect(plan.contains(index), "\(plan)")
            #expect(!plan.contains("TEMP B-TREE") && !plan.contains("loads_fts"), "\(plan)")
        }
    }

    @Test func aSyncedChangeIsSeenByTheNextSearch() async throws {
        let fixture = try await BoardFixture(count: 120)
        defer { fixture.remove() }
        #expect(Mirror.searchTriggers.components(separatedBy: "UPDATE search_version").count == 5,
                "all four search triggers count their changes")
        #expect(try await fixture.pageThrough(BoardQuery(text: "granite"), size: 20).isEmpty)
        var changed = fixture.loads[7]
        changed.commodity = "granite slabs"
        changed.version += 1
        let delta = PullResponse(cursor: "d1", hasMore: false, reset: false, lastMutationId: 0,
                                 serverTime: BoardFixture.now, loads: [changed])
        try await fixture.mirror.apply(try PullBatch(delta), actor: Actor(user: "dispatch", role: .dispatcher))
        // Every reader, whatever it cached before the commit.
        for _ in 0 ..< 4 {
            #expect(try await fixture.pageThrough(BoardQuery(text: "granite"), size: 20).map(\.id) == [changed.id])
        }
    }

    @Test func aChangeOutsideTextAndStopsKeepsTheSets() async throws {
        let fixture = try await BoardFixture(count: 120)
        defer { fixture.remove() }
        let steel = BoardQuery(text: "steel", sort: .reference)
        let before = try await fixture.pageThrough(steel, size: 7)
        for _ in 0 ..< 6 { _ = try await fixture.pageThrough(steel, size: 7) }
        let built = fixture.mirror.rowSets.builds
        #expect(built == 1, "seven searches paged through, on whichever reader: one set, built once")
        var changed = try #require(fixture.loads.first { $0.commodity.contains("steel") })
        changed.status = .dispatched
        changed.rateCents += 1
        changed.version += 1
        let delta = PullResponse(cursor: "d1", hasMore: false, reset: false, lastMutationId: 0,
                                 serverTime: BoardFixture.now, loads: [changed])
        try await fixture.mirror.apply(try PullBatch(delta), actor: Actor(user: "dispatch", role: .dispatcher))
        for _ in 0 ..< 6 { #expect(try await fixture.pageThrough(steel, size: 7).map(\.id) == before.map(\.id)) }
        #expect(fixture.mirror.rowSets.builds == built, "a status and rate change left the text set as it was")
        let moved = try await fixture.pageThrough(steel, size: 7)
        #expect(moved.first { $0.id == changed.id }?.status == .dispatched, "the row itself is read fresh")
    }
}
