import Foundation
import GRDB
import Domain
import Server
import Sync

/// The real `dispatch` binary under a private tmux server on the bench's mirror: start to first
/// frame with rows, keystroke to frame written (the console's own `DISPATCH_FRAME_TRACE`), RSS.
///
/// Keys go one at a time and the next waits for the previous one's frame, so each number is one
/// key's full cost: reducer, the query it starts (if any), render, diff and the write to the terminal.
struct ConsoleBench {
    let server: String
    let work: URL
    let loads: Int
    let keys: Int

    /// Keys sent, in turn; a sort key re-queries the whole board.
    static let script: [(key: String, kind: String)] = [
        ("j", "move"), ("j", "move"), ("NPage", "page"), ("j", "move"), ("s", "sort"),
        ("k", "move"), ("NPage", "page"), ("j", "move"), ("PPage", "page"), ("S", "sort"),
    ]

    func run() async throws {
        let binary = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("dispatch").path ?? ""
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("console       skipped: no dispatch binary beside dispatch-bench (build both: swift build -c release)")
            return
        }
        guard (try? Shell.run(["tmux", "-V"])) != nil else {
            print("console       skipped: tmux is not installed (scripts/setup.sh installs it)")
            return
        }
        // The console gets a directory of its own whose mirror is a link to the bench's: `login` to a
        // server on another port (a new run) starts a fresh mirror, and must not delete this one.
        let dataDir = work.appendingPathComponent("console").path
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        _ = try Shell.run([binary, "login", "--data-dir", dataDir, "--server", server,
                           "--user", Seeder.dispatcherLogin.user, "--password-stdin"], input: Seeder.dispatcherLogin.password)
        let link = dataDir + "/mirror.sqlite"
        try? FileManager.default.removeItem(atPath: link)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: work.appendingPathComponent("mirror.sqlite").path)
        let trace = dataDir + "/frames.trace"
        // A trace left by an earlier run would read as this run's first frame.
        try? FileManager.default.removeItem(atPath: trace)
        let socket = "dispatch-bench-\(UUID().uuidString.prefix(8))"
        let tmux = ["tmux", "-L", socket]
        defer { _ = try? Shell.run(tmux + ["kill-server"]) }

        // Start to first frame: the floor opens the mirror and reads the same first page raw.
        let floorStart = ContinuousClock.now
        let raw = try RawSQLite(path: work.appendingPathComponent("mirror.sqlite").path)
        let first = BoardQueries.statement(BoardQuery(), anchor: .first, limit: 100)
        _ = try raw.run(first.sql, first.arguments)
        let floorSeconds = (ContinuousClock.now - floorStart).inSeconds

        let started = Date().timeIntervalSince1970
        _ = try Shell.run(tmux + ["new-session", "-d", "-x", "120", "-y", "40",
                                  "env DISPATCH_FRAME_TRACE=\(trace) LANG=C.UTF-8 \(binary) --data-dir \(dataDir)"])
        let lines = try await waitForLines(trace, count: 2, seconds: 120)
        guard let firstFrame = lines.first(where: { $0.hasPrefix("first-frame ") }).flatMap({ Double($0.dropFirst(12)) }) else {
            throw BenchError("the console drew no frame with rows; see \(dataDir)/dispatch.log")
        }
        let startRSS = lines.first { $0.hasPrefix("rss ") }.flatMap { Int($0.dropFirst(4)) } ?? 0

        var samples: [String: [Double]] = [:]
        // Per kind of key: when its rows arrived, and the render and write of its frame.
        var phases: [String: [Double]] = [:]
        var seen = lines.count
        var missed = 0
        for index in 0..<keys {
            let step = ConsoleBench.script[index % ConsoleBench.script.count]
            // A short pause between keys, as a person types; the console times each key itself.
            try await Task.sleep(for: .milliseconds(20))
            _ = try Shell.run(tmux + ["send-keys", "-t", "0", step.key])
            guard let now = try? await waitForLines(trace, count: seen + 1, seconds: 3) else {
                missed += 1
                continue
            }
            seen = now.count
            if let last = now.last, last.hasPrefix("key ") {
                let fields = last.dropFirst(4).split(separator: " ")
                guard let ms = fields.first.flatMap({ Double($0) }) else { continue }
                samples[step.kind, default: []].append(ms / 1_000)
                for field in fields.dropFirst() {
                    let pair = field.split(separator: "=")
                    if pair.count == 2, let value = Double(pair[1]) {
                        phases["\(step.kind) \(pair[0])", default: []].append(value / 1_000)
                    }
                }
            }
        }
        _ = try Shell.run(tmux + ["send-keys", "-t", "0", "q"])
        let final = (try? await waitForLines(trace, count: seen + 1, seconds: 30)) ?? []
        let endRSS = final.last { $0.hasPrefix("rss ") }.flatMap { Int($0.dropFirst(4)) } ?? 0

        // The sort keys' floor: raw SQLite reading the first page of each sort the script reaches.
        var sortFloor: [Double] = []
        var slowest: (seconds: Double, name: String) = (0, "")
        for sort in BoardSort.allCases {
            for descending in [false, true] {
                let statement = BoardQueries.statement(BoardQuery(sort: sort, descending: descending), anchor: .first, limit: 100)
                let seconds = try await Stats.seconds { _ = try raw.run(statement.sql, statement.arguments) }
                sortFloor.append(seconds)
                if seconds > slowest.seconds { slowest = (seconds, "\(sort.rawValue)\(descending ? " ▼" : " ▲")") }
            }
        }
        sortFloor.sort()

        print("console       real dispatch binary under tmux (120x40), \(Format.count(loads))-load mirror")
        print(String(format: "  start to first frame with rows  %.0f ms   (raw SQLite open + first page %.1f ms; budget ≤ 200 ms)",
                     (firstFrame - started) * 1_000, floorSeconds * 1_000))
        for kind in ["move", "page", "sort"] {
            let sorted = (samples[kind] ?? []).sorted()
            var line = "  keystroke to frame, \(kind) (\(sorted.count) keys)".padding(toLength: 42, withPad: " ", startingAt: 0)
                + "p50 \(Stats.ms(Stats.percentile(sorted, 0.5)))  p99 \(Stats.ms(Stats.percentile(sorted, 0.99)))"
            if kind == "sort" {
                line += "   (raw SQLite first page p50 \(Stats.ms(Stats.percentile(sortFloor, 0.5))), "
                    + "slowest \(Stats.ms(slowest.seconds)) for \(slowest.name))"
            }
            print(line)
            let parts = ["rows", "render", "draw"].map { name -> String in
                let values = (phases["\(kind) \(name)"] ?? []).sorted()
                return "\(name) p50 \(Stats.ms(Stats.percentile(values, 0.5))) p99 \(Stats.ms(Stats.percentile(values, 0.99)))"
            }
            print("      of which: " + parts.joined(separator: ", "))
        }
        let all = samples.values.flatMap { $0 }.sorted()
        if missed > 0 { print("  \(missed) of \(keys) keys drew no frame with rows within 3 s (not in the numbers)") }
        print("  keystroke to frame, all".padding(toLength: 42, withPad: " ", startingAt: 0)
              + "p50 \(Stats.ms(Stats.percentile(all, 0.5)))  p99 \(Stats.ms(Stats.percentile(all, 0.99)))   (budget p99 ≤ 16 ms)")
        print(String(format: "  console RSS  %.0f MiB at first frame, %.0f MiB after the keys   (budget ≤ 64 MB)",
                     Double(startRSS) / 1_048_576, Double(endRSS) / 1_048_576))
    }

    /// The trace file's lines once it has at least `count`, polling every 2 ms.
    func waitForLines(_ path: String, count: Int, seconds: Double) async throws -> [String] {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1_000))
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                let lines = text.split(separator: "\n").map(String.init)
                if lines.count >= count { return lines }
            }
            try await Task.sleep(for: .milliseconds(2))
        }
        throw BenchError("the console wrote no frame within \(Int(seconds)) s; see \(work.path)/console/dispatch.log")
    }
}
