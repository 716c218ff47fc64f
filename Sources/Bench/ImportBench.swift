import Foundation
import GRDB
import GRDBSQLite
import Client
import Domain
import Server
import Sync

/// `dispatch-bench --import-rows 100000`: a CSV of that many loads read, checked, queued into a
/// mirror and pushed to dispatchd over loopback, beside raw SQLite inserting the same rows.
struct ImportBench {
    let rows: Int
    let work: URL

    func run() async throws {
        let now = Int64(Date().timeIntervalSince1970)
        let text = Self.csv(rows: rows, now: now)
        print("import        \(Format.count(rows)) CSV rows, \(Format.count(text.utf8.count / 1_000)) KB")

        var read: (rows: [LoadCSV.Row], problems: [LoadCSV.RowProblem]) = ([], [])
        let parseSeconds = try await Stats.seconds { read = try LoadCSV.read(text, now: now) }
        guard read.problems.isEmpty, read.rows.count == rows else { throw BenchError("the generated CSV has problems: \(read.problems.prefix(3))") }
        print(String(format: "  read + check (CSV, dates in each stop's zone, the posting rules)  %.2f s: %.0f rows/s",
                     parseSeconds, Double(rows) / parseSeconds))

        let server = try await DispatchServer(configuration: .init(databasePath: work.appendingPathComponent("import-server.sqlite").path, port: 0))
        var options = Seeder.Options()
        options.loads = 1_000
        options.drivers = 50
        options.carriers = 20
        try await Seeder(options: options).run(into: server.store)
        let running = try await server.start()
        defer { Task { await running.stop() } }
        var client = try DispatchClient(server: running.url)
        let login = try await client.login(user: Seeder.dispatcherLogin.user, password: Seeder.dispatcherLogin.password)
        client.token = login.token
        let mirror = try Mirror(path: work.appendingPathComponent("import-mirror.sqlite").path)
        let engine = SyncEngine(mirror: mirror, client: client, actor: login.actor)
        _ = try await engine.syncOnce()

        let mutations: [Mutation] = read.rows.map { .postLoad(.init(loadId: $0.loadId, terms: $0.terms, at: now)) }
        let queueSeconds = try await Stats.seconds { try await mirror.enqueueAll(mutations, by: login.actor, now: now) }
        print(String(format: "  queue in the mirror (local rules, outbox, board row, one transaction)  %.2f s: %.0f rows/s",
                     queueSeconds, Double(rows) / queueSeconds))
        var report = SyncReport()
        let pushOnly = try await Stats.seconds { _ = try await engine.push(report: &report) }
        guard report.rejected.isEmpty else { throw BenchError("the server refused \(report.rejected.count): \(report.rejected.prefix(2))") }
        print(String(format: "  push to dispatchd (SQLite, loopback, the server's rules, 500 a request)  %.2f s: %.0f rows/s",
                     pushOnly, Double(rows) / pushOnly))
        let pullSeconds = try await Stats.seconds { try await engine.pull(report: &report) }
        print(String(format: "  pull the confirmed loads back (the mirror made current)  %.2f s: %.0f rows/s "
                     + "(fetch and decode %.2f s, apply %.2f s, %d pages)",
                     pullSeconds, Double(rows) / pullSeconds, report.pullSeconds, report.applySeconds, report.pages))
        let pushSeconds = pushOnly + pullSeconds
        let total = parseSeconds + queueSeconds + pushSeconds
        print(String(format: "  end to end  %.2f s: %.0f rows/s", total, Double(rows) / total))

        // The floor: the same loads as JSON rows, inserted by raw SQLite in one transaction.
        let floorSeconds = try rawInsert(read.rows, now: now)
        print(String(format: "  floor: raw SQLite inserting the same rows (id, body) in one transaction  %.2f s: %.0f rows/s",
                     floorSeconds, Double(rows) / floorSeconds))
        print(String(format: "  ratio: end to end is %.1f× the floor; queueing alone %.1f×", total / floorSeconds, queueSeconds / floorSeconds))
    }

    /// A CSV of `rows` loads over real cities, two or three stops each.
    static func csv(rows: Int, now: Int64) -> String {
        let cities = City.all
        let (day2, day3, day4) = (Format.isoDate(now + 2 * 86_400), Format.isoDate(now + 3 * 86_400), Format.isoDate(now + 4 * 86_400))
        var out = "shipper,reference,commodity,equipment,weight,rate,rate_kind,stop1_city,stop1_window,stop2_city,stop2_window,stop3_city,stop3_window\r\n"
        out.reserveCapacity(rows * 140)
        for n in 0..<rows {
            let a = cities[n % cities.count], b = cities[(n * 7 + 3) % cities.count], c = cities[(n * 13 + 5) % cities.count]
            let third = n % 4 == 0 ? "\"\(c.place)\",\(day4) 20:00-23:00" : ","
            out += "Bench Shipper \(n % 50),BN-\(n),general freight,V,\(20_000 + n % 20_000),\(150_000 + n % 90_000),flat,"
                + "\"\(a.place)\",\(day2) 08:00-10:00,\"\(b.place)\",\(day3) 20:00-23:00,\(third)\r\n"
        }
        return out
    }

    private func rawInsert(_ rows: [LoadCSV.Row], now: Int64) throws -> Double {
        let path = work.appendingPathComponent("import-floor.sqlite").path
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw BenchError("raw sqlite cannot open \(path)") }
        defer { sqlite3_close(db) }
        sqlite3_exec(db, "PRAGMA journal_mode=WAL; CREATE TABLE loads(id TEXT PRIMARY KEY, body TEXT NOT NULL)", nil, nil, nil)
        // The bodies are encoded before the clock starts: the floor is SQLite's insert alone.
        let bodies = try rows.map { row -> String in
            let load = Load(id: row.loadId, reference: row.terms.reference, shipper: row.terms.shipper, stops: [],
                            equipment: row.terms.equipment, fullLoad: true, weightLbs: row.terms.weightLbs, lengthFt: 53,
                            commodity: row.terms.commodity, hazmat: false, miles: 0, rateCents: row.terms.rateCents,
                            rateKind: row.terms.rateKind, postedAt: now)
            return String(decoding: try JSONEncoder.wire.encode(load), as: UTF8.self)
        }
        var statement: OpaquePointer?
        sqlite3_prepare_v2(db, "INSERT INTO loads(id, body) VALUES (?, ?)", -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        let start = ContinuousClock.now
        sqlite3_exec(db, "BEGIN", nil, nil, nil)
        for (row, body) in zip(rows, bodies) {
            sqlite3_reset(statement)
            sqlite3_bind_text(statement, 1, row.loadId, -1, SQLITE_TRANSIENT_BENCH)
            sqlite3_bind_text(statement, 2, body, -1, SQLITE_TRANSIENT_BENCH)
            guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchError("raw insert: \(String(cString: sqlite3_errmsg(db)))") }
        }
        sqlite3_exec(db, "COMMIT", nil, nil, nil)
        return (ContinuousClock.now - start).inSeconds
    }
}
