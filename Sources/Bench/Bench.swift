import ArgumentParser
import Foundation
import GRDB
import Client
import Domain
import Server
import Sync

/// `dispatch-bench`: prints the numbers the budgets in DESIGN.md are checked against,
/// each beside a floor measured in the same run.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch-bench",
        abstract: "Seed, initial sync over loopback and board queries, with numbers.")

    @Option(help: "Loads to seed.") var loads = 100_000
    @Option(help: "Runs per board query.") var runs = 300
    @Flag(help: "Skip the delta protocol numbers (bytes, apply rate, rebase).") var skipDelta = false
    @Flag(help: "Skip the board query numbers.") var skipBoard = false
    @Flag(help: "Skip the console numbers (needs tmux and the dispatch binary beside this one).") var skipConsole = false
    @Option(help: "Keystrokes sent to the console.") var keys = 400
    @Option(help: "Work directory (default: a new temp directory, removed afterwards).") var dir: String?
    @Option(help: "Only the CSV import numbers, for this many rows (e.g. 100000).") var importRows: Int?

    func validate() throws {
        guard (1_000...2_000_000).contains(loads) else { throw ValidationError("--loads must be between 1,000 and 2,000,000") }
        guard (10...100_000).contains(runs) else { throw ValidationError("--runs must be between 10 and 100,000") }
    }

    func run() async throws {
        let work = URL(fileURLWithPath: dir ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("dispatch-bench-\(UUID().uuidString.prefix(8))").path)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { if dir == nil { try? FileManager.default.removeItem(at: work) } }
        #if DEBUG
        print("note: a debug build; run `swift run -c release dispatch-bench` for real numbers")
        #endif
        if let importRows {
            try await ImportBench(rows: importRows, work: work).run()
            return
        }

        // 1. Seed.
        let server = try await DispatchServer(configuration: .init(databasePath: work.appendingPathComponent("server.sqlite").path, port: 0))
        var options = Seeder.Options()
        options.loads = loads
        // A --dir from an earlier run keeps its seeded database and synced mirror (a 1M seed takes minutes).
        let reused = try await server.store.counts()["loads"] ?? 0 > 0
        let seedSeconds = reused ? 0 : try await Stats.seconds { try await Seeder(options: options).run(into: server.store) }
        let counts = try await server.store.counts()
        if reused { print("seed          reused \(Format.count(counts["loads"] ?? 0)) loads from \(work.path)") }
        let seededRows = ["loads", "drivers", "carriers", "events", "invoices", "payouts"].reduce(0) { $0 + (counts[$1] ?? 0) }
        if !reused { print("seed          \(Format.count(loads)) loads (\(Format.count(seededRows)) rows in all) in "
              + String(format: "%.2f s: %.0f loads/s, %.0f rows/s", seedSeconds, Double(loads) / seedSeconds,
                       Double(seededRows) / seedSeconds)) }

        // 2. Initial sync over loopback into a fresh mirror, as a dispatcher.
        let running = try await server.start()
        var client = try DispatchClient(server: running.url)
        let login = try await client.login(user: Seeder.dispatcherLogin.user, password: Seeder.dispatcherLogin.password)
        client.token = login.token
        let mirrorPath = work.appendingPathComponent("mirror.sqlite").path
        let mirror = try Mirror(path: mirrorPath)
        let engine = SyncEngine(mirror: mirror, client: client, actor: login.actor)
        var report = SyncReport()
        let syncSeconds = try await Stats.seconds { report = try await engine.syncOnce() }
        print("initial sync  \(Format.count(report.pulledRows)) rows (\(Format.count(loads)) loads) in \(report.pages) pages, "
              + String(format: "%.2f s: %.0f rows/s, %.0f loads/s  (budget: 100K loads ≤ 3 s, ≥ 50K rows/s)",
                       syncSeconds, Double(report.pulledRows) / syncSeconds, Double(loads) / syncSeconds))
        print(String(format: "              of which pull (server + transfer + decode) %.2f s, apply to the mirror %.2f s",
                     report.pullSeconds, report.applySeconds))
        // The engine has started building the sort indexes the snapshot left; this waits for them.
        let deferred = try await mirror.deferredIndexCount()
        let indexSeconds = try await Stats.seconds { try await mirror.buildDeferredIndexes() }
        if deferred > 0 {
            print(String(format: "              %d sort indexes of loads built after it, done %.2f s later (%.2f s after the start)",
                         deferred, indexSeconds, syncSeconds + indexSeconds))
        }

        // 3. The delta protocol: bytes, push rate, delta apply, rebase.
        if !skipDelta {
            try await SyncBench(client: client, mirror: mirror, mirrorPath: mirrorPath, actor: login.actor, loads: loads).run()
        }
        // 4. Board pages, radius, text and totals beside raw SQLite running the same statements.
        if !skipBoard { try await BoardBench(mirror: mirror, path: mirrorPath, loads: loads, runs: runs).run() }

        // 5. The real console under tmux on this mirror: start to first frame, keystroke to frame, RSS.
        if !skipConsole {
            try await ConsoleBench(server: running.url, work: work, loads: loads, keys: keys).run()
        }
        await running.stop()
    }
}
