import Foundation
import Domain
@testable import Sync

/// A mirror in a temporary directory filled with `count` loads spread over a handful of real
/// cities, deterministically, through the same snapshot path a console uses.
struct BoardFixture {
    static let cities: [(name: String, state: String, lat: Double, lon: Double)] = [
        ("Dallas", "TX", 32.7831, -96.8067), ("Fort Worth", "TX", 32.7555, -97.3308), ("Houston", "TX", 29.7604, -95.3698),
        ("Oklahoma City", "OK", 35.4676, -97.5164), ("Chicago", "IL", 41.8781, -87.6298), ("Atlanta", "GA", 33.7490, -84.3880),
        ("Fresno", "CA", 36.7378, -119.7871), ("San Antonio", "TX", 29.4241, -98.4936), ("Denver", "CO", 39.7392, -104.9903),
    ]
    static let shippers = ["Acme Steel", "Prairie Grain Co", "Lone Star Lumber", "Gulf Chemicals", "Mesa Produce"]
    static let commodities = ["steel coils", "corn", "lumber", "plastic resin", "lettuce", "gravel"]
    static let equipment = ["V", "R", "F", "DT"]
    /// The real clock: the posting-age filter measures against it.
    static let now = Int64(Date().timeIntervalSince1970)

    let directory: URL
    let mirror: Mirror
    let loads: [Load]

    init(count: Int, pageSize: Int = 500) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sync-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        mirror = try Mirror(path: directory.appendingPathComponent("mirror.sqlite").path)
        var loads: [Load] = []
        for n in 0 ..< count {
            let o = BoardFixture.cities[n % BoardFixture.cities.count]
            let d = BoardFixture.cities[(n * 7 + 3) % BoardFixture.cities.count]
            let pickup = BoardFixture.now + Int64(n % 10) * 86_400
            // Jitter so loads in one city are not on one point.
            let jitter = Double(n % 13) * 0.01
            loads.append(Load(
                id: "L-\(n + 1)", reference: "REF\(100_000 + n)", shipper: BoardFixture.shippers[n % 5],
                stops: [
                    Stop(kind: .pickup, city: o.name, state: o.state, zip: "00000", lat: o.lat + jitter, lon: o.lon - jitter,
                         windowStart: pickup, windowEnd: pickup + 4 * 3_600),
                    Stop(kind: .delivery, city: d.name, state: d.state, zip: "00000", lat: d.lat, lon: d.lon,
                         windowStart: pickup + 86_400, windowEnd: pickup + 90_000),
                ],
                equipment: BoardFixture.equipment[n % 4], fullLoad: n % 3 != 0, weightLbs: 10_000 + (n % 30) * 1_000,
                lengthFt: 20 + (n % 34), commodity: BoardFixture.commodities[n % 6], hazmat: false, miles: 100 + (n % 900),
                rateCents: Int64(50_000 + (n % 50) * 3_000), rateKind: .flat,
                postedAt: BoardFixture.now - Int64(n % 48) * 3_600, status: n % 5 == 0 ? .assigned : .posted))
        }
        self.loads = loads
        // Paged like a real snapshot, so the search tables are rebuilt by the last page.
        let pages = stride(from: 0, to: max(1, count), by: pageSize).map { Array(loads[$0 ..< min(count, $0 + pageSize)]) }
        for (index, page) in pages.enumerated() {
            let response = PullResponse(cursor: "c\(index)", hasMore: index < pages.count - 1, reset: index == 0,
                                        lastMutationId: 0, serverTime: BoardFixture.now, loads: page)
            try await mirror.apply(try PullBatch(response), actor: Actor(user: "dispatch", role: .dispatcher))
        }
        // As the sync engine does after a snapshot: the sort indexes it left are built next.
        try await mirror.buildDeferredIndexes()
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Every row of a query, paged `size` at a time with keyset anchors, as the board does.
    func pageThrough(_ query: BoardQuery, size: Int) async throws -> [LoadSummary] {
        let board = BoardQueries(mirror: mirror)
        var all: [LoadSummary] = []
        var anchor = BoardAnchor.first
        while true {
            let page = try await board.page(query, anchor: anchor, limit: size)
            all += page
            guard page.count == size, let last = page.last else { return all }
            anchor = .after(last)
        }
    }
}
