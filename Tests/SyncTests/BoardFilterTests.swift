import Foundation
import Testing
import Domain
import GRDB
@testable import Sync

/// The board's filters against a real mirror, each checked against the same rule computed in
/// Swift over the fixture's loads.
@Suite("Board filters on the mirror")
struct BoardFilterTests {
    func ids(_ rows: [LoadSummary]) -> Set<String> { Set(rows.map(\.id)) }

    @Test func radiusAroundACityMatchesTheDistanceRule() async throws {
        let fixture = try await BoardFixture(count: 900)
        defer { fixture.remove() }
        let board = BoardQueries(mirror: fixture.mirror)
        var query = BoardQuery(origin: try PlaceFilter.parse("dallas 100").get())
        query = try await board.resolveCenters(query).get()
        let center = try #require(query.origin?.center)
        #expect(query.origin?.state == "TX", "the state is filled in from the mirror")
        let rows = try await fixture.pageThrough(query, size: 50)
        let expected = fixture.loads.filter { ($0.pickup?.point.roadMiles(to: center) ?? .max) <= 100 }
        #expect(!expected.isEmpty)
        #expect(ids(rows) == Set(expected.map(\.id)))
        #expect(rows.allSatisfy { $0.originCity == "Dallas" || $0.originCity == "Fort Worth" })

        // The destination end has its own index.
        var toFresno = BoardQuery(destination: PlaceFilter(city: "Fresno", state: "CA", miles: 50))
        toFresno = try await board.resolveCenters(toFresno).get()
        let fresno = try await fixture.pageThrough(toFresno, size: 100)
        #expect(ids(fresno) == Set(fixture.loads.filter { $0.delivery?.city == "Fresno" }.map(\.id)))
    }

    @Test func openWorkIsPostedAndAssignedLoadsPickingUpFromToday() async throws {
        let fixture = try await BoardFixture(count: 300)
        defer { fixture.remove() }
        let yesterday = BoardFilterSQL.startOfToday(BoardFixture.now) - 3_600
        try await fixture.mirror.pool.write { db in
            try db.execute(sql: "UPDATE loads SET status = 'POD' WHERE CAST(substr(id, 3) AS INTEGER) % 7 = 0")
            try db.execute(sql: "UPDATE loads SET pickup_at = ? WHERE CAST(substr(id, 3) AS INTEGER) % 11 = 0", arguments: [yesterday])
        }
        let all = try await fixture.pageThrough(BoardQuery(), size: 100)
        let open = try await fixture.pageThrough(.openWorkFirst, size: 40)
        let expected = all.filter { [.posted, .assigned].contains($0.status) && $0.pickupAt >= yesterday + 3_600 }
        #expect(!expected.isEmpty && expected.count < all.count)
        #expect(open.map(\.id) == expected.map(\.id), "soonest pickup first, each once")
        #expect(BoardQuery.openWorkFirst.summary == "open work (posted, assigned; pickup today on)")
    }

    @Test func anUnknownCityIsRefusedWithTheField() async throws {
        let fixture = try await BoardFixture(count: 50)
        defer { fixture.remove() }
        let result = try await BoardQueries(mirror: fixture.mirror)
            .resolveCenters(BoardQuery(destination: PlaceFilter(city: "Dalas", state: "TX", miles: 50)))
        guard case .failure(let error) = result else { Issue.record("a misspelt city resolved"); return }
        #expect(error.field == "destination")
        #expect(error.message.contains("Dalas, TX"))
    }

    @Test func fullTextSearchesReferenceShipperCommodityAndCities() async throws {
        let fixture = try await BoardFixture(count: 600)
        defer { fixture.remove() }
        func matches(_ load: Load, _ word: String) -> Bool {
            let fields = [load.reference, load.shipper, load.commodity, load.pickup?.city ?? "", load.delivery?.city ?? ""]
            return fields.contains { field in
                field.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0.hasPrefix(word) }
            }
        }
        for text in ["steel", "ac", "fort worth", "REF100042", "lettuce fresno", "\"quoted\" * text"] {
            let rows = try await fixture.pageThrough(BoardQuery(text: text), size: 100)
            let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\"" || $0 == "*" }).map(String.init)
            let expected = fixture.loads.filter { load in words.allSatisfy { matches(load, $0) } }
            #expect(ids(rows) == Set(expected.map(\.id)), "search \(text)")
        }
    }

    @Test func everyOtherFilterAgreesWithTheRuleInSwift() async throws {
        let fixture = try await BoardFixture(count: 800)
        defer { fixture.remove() }
        let from = BoardFixture.now - (BoardFixture.now % 86_400) + 2 * 86_400
        var query = BoardQuery(status: .posted, destination: PlaceFilter(state: "TX"), equipment: ["V", "R"],
                               pickupFrom: from, pickupTo: from + 3 * 86_400 - 1, minRatePerMileCents: 150,
                               maxWeightLbs: 30_000, maxLengthFt: 45, fullLoad: true, maxAgeMinutes: 24 * 60)
        let rows = try await fixture.pageThrough(query, size: 25)
        let expected = fixture.loads.filter { l in
            l.status == .posted && l.delivery?.state == "TX" && ["V", "R"].contains(l.equipment)
                && (from ..< from + 3 * 86_400).contains(l.pickup?.windowStart ?? 0) && l.ratePerMileCents >= 150
                && l.weightLbs <= 30_000 && l.lengthFt <= 45 && l.fullLoad
                && l.postedAt >= BoardFixture.now - 24 * 3_600
        }
        #expect(!expected.isEmpty)
        #expect(ids(rows) == Set(expected.map(\.id)))
        let totals = try await BoardQueries(mirror: fixture.mirror).totals(query)
        #expect(totals.count == expected.count)

        query.fullLoad = false
        let partial = try await fixture.pageThrough(query, size: 25)
        #expect(partial.allSatisfy { !$0.fullLoad })
    }

    /// A state and equipment along the default order: one index is walked and the other filter is
    /// its last column (v7), so it is tested on the entry before the row is read.
    @Test func aStateAndEquipmentWalkOneIndexAndTestTheOtherInIt() async throws {
        let fixture = try await BoardFixture(count: 600)
        defer { fixture.remove() }
        let query = BoardQuery(origin: PlaceFilter(state: "TX"), equipment: ["V", "R"])
        let rows = try await fixture.pageThrough(query, size: 20)
        let expected = fixture.loads.filter { $0.pickup?.state == "TX" && ["V", "R"].contains($0.equipment) }
        #expect(!expected.isEmpty)
        #expect(rows.map(\.id) == expected.sorted { ($0.pickup?.windowStart ?? 0, $0.id) < ($1.pickup?.windowStart ?? 0, $1.id) }.map(\.id))
        let statement = BoardQueries.statement(query, anchor: .first, limit: 50)
        let plan = try await fixture.mirror.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: StatementArguments(statement.arguments))
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("loads_state_pickup") || plan.contains("loads_equipment_pickup"), "\(plan)")
        #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
    }

    /// A radius walked along the default order is tested inside the index (it carries both ends'
    /// coordinates), with no sort step; only kept rows are read from the table.
    @Test func aRadiusWalkByPickupStaysInTheIndex() async throws {
        let fixture = try await BoardFixture(count: 50)
        defer { fixture.remove() }
        var query = BoardQuery(origin: PlaceFilter(city: "Dallas", state: "TX", miles: 150),
                               destination: PlaceFilter(city: "Chicago", state: "IL", miles: 200))
        query = try await BoardQueries(mirror: fixture.mirror).resolveCenters(query).get()
        let statement = BoardQueries.statement(query, anchor: .first, limit: 50, scanSortIndex: true)
        let plan = try await fixture.mirror.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: StatementArguments(statement.arguments))
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("USING INDEX loads_pickup_geo"), "\(plan)")
        #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
    }

    @Test(arguments: BoardSort.allCases)
    func keysetPagingInEverySortGivesEachRowOnceInOrder(sort: BoardSort) async throws {
        let fixture = try await BoardFixture(count: 230)
        defer { fixture.remove() }
        for descending in [false, true] {
            let query = BoardQuery(status: .posted, sort: sort, descending: descending)
            let paged = try await fixture.pageThrough(query, size: 7)
            let whole = try await BoardQueries(mirror: fixture.mirror).page(query, anchor: .first, limit: 10_000)
            #expect(paged.map(\.id) == whole.map(\.id), "\(sort) \(descending ? "desc" : "asc")")
            #expect(paged.count == fixture.loads.filter { $0.status == .posted }.count)
            // Backwards from the end gives the same rows in the same order.
            let last = try await BoardQueries(mirror: fixture.mirror).page(query, anchor: .last, limit: 7)
            #expect(last.map(\.id) == Array(whole.suffix(7)).map(\.id))
        }
    }
}
