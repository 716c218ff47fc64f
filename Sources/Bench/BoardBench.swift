import Foundation
import GRDB
import Domain
import Sync

/// The board's queries on a full mirror, each beside raw SQLite stepping the same statements.
///
/// A radius or text filter costs what the user waits for: the city lookup (through the
/// full-text index) and then the page, so both sides of the comparison run both statements.
struct BoardBench {
    let mirror: Mirror
    let path: String
    let loads: Int
    let runs: Int

    struct Case {
        let name: String
        let query: BoardQuery
        var anchor: BoardAnchor = .first
        var totals = false
    }

    func cases() async throws -> [Case] {
        let board = BoardQueries(mirror: mirror)
        let dallas = PlaceFilter(city: "Dallas", state: "TX", miles: 150)
        let atlanta = PlaceFilter(city: "Atlanta", state: "GA", miles: 200)
        var list: [Case] = [
            Case(name: "all, pickup ▲", query: BoardQuery()),
            Case(name: "posted, $/mi ▼", query: BoardQuery(status: .posted, sort: .ratePerMile, descending: true)),
            Case(name: "TX + van, pickup ▲", query: BoardQuery(origin: PlaceFilter(state: "TX"), equipment: ["V"])),
            Case(name: "all, origin ▲, last page", query: BoardQuery(sort: .origin), anchor: .last),
            Case(name: "posted, ≥$2.50/mi, ≤40k lb, rate ▼",
                 query: BoardQuery(status: .posted, minRatePerMileCents: 250, maxWeightLbs: 40_000, sort: .rate, descending: true)),
            Case(name: "radius: Dallas +150mi", query: BoardQuery(origin: dallas)),
            Case(name: "radius: Dallas +150 → Atlanta +200", query: BoardQuery(origin: dallas, destination: atlanta)),
            Case(name: "radius + van + posted, $/mi ▼",
                 query: BoardQuery(status: .posted, origin: dallas, equipment: ["V"], sort: .ratePerMile, descending: true)),
            Case(name: "text: \"steel\"", query: BoardQuery(text: "steel")),
            Case(name: "text: \"copper basin\", rate ▼", query: BoardQuery(text: "copper basin", sort: .rate, descending: true)),
            Case(name: "text + radius: \"lumber\" Dallas +150", query: BoardQuery(origin: dallas, text: "lumber")),
            Case(name: "totals: all", query: BoardQuery(), totals: true),
            Case(name: "totals: radius Dallas +150", query: BoardQuery(origin: dallas), totals: true),
            Case(name: "totals: text \"steel\"", query: BoardQuery(text: "steel"), totals: true),
        ]
        if let middle = try await board.page(BoardQuery(), anchor: .first, limit: loads / 2).last {
            list.insert(Case(name: "all, page after row \(Format.count(loads / 2))", query: BoardQuery(), anchor: .after(middle)), at: 4)
        }
        return list
    }

    func run() async throws {
        let raw = try RawSQLite(path: path)
        let board = BoardQueries(mirror: mirror)
        print("board         50-row page / totals line, \(Format.count(loads))-load mirror, \(runs) runs each"
              + "   (budget p50 ≤ 1 ms, p99 ≤ 5 ms; radius p99 ≤ 10 ms, on 1M)")
        print("  " + "query".padding(toLength: 40, withPad: " ", startingAt: 0)
              + "rows     runs  dispatch p50 / p99        raw SQLite p50 / p99      ratio p50   next page p50 / p99")
        for item in try await cases() {
            let resolved = try await board.resolveCenters(item.query).get()
            let lookups = centerStatements(item.query)
            let page = BoardQueries.statement(resolved, anchor: item.anchor, limit: 50,
                                              scanSortIndex: try await board.prefersSortIndex(resolved))
            let statement = item.totals ? BoardQueries.totalsStatement(resolved) : (sql: page.sql, arguments: page.arguments)
            var ours: [Double] = []
            var floor: [Double] = []
            var next: [Double] = []
            var rows = 0
            // Slow cases stop after 5 s of runs, so one bad query cannot hold the whole bench.
            let deadline = ContinuousClock.now + .seconds(5)
            for _ in 0..<runs where ContinuousClock.now < deadline {
                // Each run is a search typed anew: no text or radius row set is kept from the last.
                board.forgetRowSets()
                var last: LoadSummary?
                ours.append(try await Stats.seconds {
                    let query = try await board.resolveCenters(item.query).get()
                    if item.totals {
                        rows = try await board.totals(query).count
                    } else {
                        let page = try await board.page(query, anchor: item.anchor, limit: 50)
                        rows = page.count
                        last = page.last
                    }
                })
                // PgDn on the same search: its row sets are kept while the mirror is unchanged.
                if let last, item.anchor == .first {
                    next.append(try await Stats.seconds { _ = try await board.page(resolved, anchor: .after(last), limit: 50) })
                }
                floor.append(try await Stats.seconds {
                    for lookup in lookups where try raw.run(lookup.origin.sql, lookup.origin.arguments) == 0 {
                        _ = try raw.run(lookup.dest.sql, lookup.dest.arguments)
                    }
                    _ = try raw.run(statement.sql, statement.arguments)
                })
            }
            ours.sort()
            floor.sort()
            let p50 = Stats.percentile(ours, 0.5), p99 = Stats.percentile(ours, 0.99)
            let f50 = Stats.percentile(floor, 0.5), f99 = Stats.percentile(floor, 0.99)
            let nextPage = next.isEmpty ? "" : "\(Stats.ms(Stats.percentile(next.sorted(), 0.5))) / "
                + Stats.ms(Stats.percentile(next.sorted(), 0.99))
            let ratio = String(format: "%.2f×", p50 / max(f50, 1e-9)).padding(toLength: 12, withPad: " ", startingAt: 0)
            print("  " + item.name.padding(toLength: 40, withPad: " ", startingAt: 0)
                  + Format.count(rows).padding(toLength: 9, withPad: " ", startingAt: 0)
                  + "\(ours.count)×".padding(toLength: 6, withPad: " ", startingAt: 0)
                  + "\(Stats.ms(p50)) / \(Stats.ms(p99))".padding(toLength: 26, withPad: " ", startingAt: 0)
                  + "\(Stats.ms(f50)) / \(Stats.ms(f99))".padding(toLength: 26, withPad: " ", startingAt: 0)
                  + ratio + nextPage)
        }
    }

    /// The city lookups `resolveCenters` runs for a query: the origin end first, then the destination end.
    func centerStatements(_ query: BoardQuery)
        -> [(origin: (sql: String, arguments: [DatabaseValue]), dest: (sql: String, arguments: [DatabaseValue]))] {
        [query.origin, query.destination].compactMap { place in
            guard let place, place.needsCenter, let city = place.city,
                  let origin = BoardQueries.cityCenterStatement(city: city, state: place.state, end: "origin"),
                  let dest = BoardQueries.cityCenterStatement(city: city, state: place.state, end: "dest") else { return nil }
            return (origin, dest)
        }
    }
}
