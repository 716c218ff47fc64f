import Foundation
import Testing
import GRDB
import Client
import Domain
import Server
import Sync

@Suite("CSV import end to end", .serialized)
struct LoadImportTests {
    /// 10,000 rows, three of them bad: exactly 9,997 loads reach the server, the three are
    /// reported by line and column, and importing the file again adds none.
    @Test(arguments: StoreKind.available) func tenThousandRowsThreeBad(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store, loads: 50, drivers: 10, carriers: 4)
        defer { Task { await server.stop() } }
        let (mirror, engine, dispatcher) = try await server.console("importer")
        _ = try await engine.syncOnce()
        let now = Int64(Date().timeIntervalSince1970)
        var lines = ["shipper,reference,commodity,equipment,weight,rate,rate_kind,stop1_city,stop1_window,stop2_city,stop2_window"]
        let cities = ["Dallas, TX", "Memphis, TN", "Atlanta, GA", "Chicago, IL", "Denver, CO"]
        for n in 1...10_000 {
            var weight = "\(20_000 + n % 20_000)", pickup = cities[n % 5], window = "tomorrow 08:00-10:00"
            if n == 1_234 { weight = "-1" }
            if n == 5_678 { pickup = "Gotham, NY" }
            if n == 9_999 { window = "13/45 08:00" }
            lines.append("Import Co,IMP-\(n),general freight,V,\(weight),\(1_000 + n),flat,\"\(pickup)\",\(window),\"\(cities[(n + 2) % 5])\",tomorrow 20:00-23:00")
        }
        let text = lines.joined(separator: "\r\n") + "\r\n"
        let (rows, problems) = try LoadCSV.read(text, now: now)
        #expect(rows.count == 9_997)
        #expect(problems.map(\.line) == [1_235, 5_679, 10_000], "row numbers count the header")
        #expect(problems.map(\.column) == ["weight", "stop1_city", "stop1_window"])

        try await mirror.enqueueAll(rows.map { .postLoad(.init(loadId: $0.loadId, terms: $0.terms, at: now)) }, by: dispatcher, now: now)
        let report = try await engine.syncOnce()
        #expect(report.rejected.isEmpty && report.pending == 0)
        let (client, _) = try await server.client()
        var cursor: String?, imported = 0
        repeat {
            let page = try await client.pull(cursor: cursor, clientId: "counter", limit: 5_000)
            imported += page.loads.filter { $0.reference.hasPrefix("IMP-") }.count
            cursor = page.cursor
            if !page.hasMore { break }
        } while true
        #expect(imported == 9_997)

        // Again: every row is already there; nothing is queued, and a push of them all would change nothing.
        let again = try LoadCSV.read(text, now: now)
        let existing = try await mirror.existingLoads(again.rows.map(\.loadId))
        #expect(existing.count == 9_997)
        let replay = try await client.push(PushRequest(clientId: "replayer", mutations: again.rows.prefix(500).enumerated().map {
            MutationEnvelope(id: Int64($0.offset + 1), mutation: .postLoad(.init(loadId: $0.element.loadId, terms: $0.element.terms, at: now)),
                             createdAt: now)
        }))
        #expect(replay.results.allSatisfy { $0.status == .applied }, "accepted as already recorded")
        #expect(try await mirror.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM loads WHERE reference LIKE 'IMP-%'") } == 9_997)
    }
}
