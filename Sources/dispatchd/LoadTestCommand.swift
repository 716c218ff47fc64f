import ArgumentParser
import Foundation
import LoadTest

/// `dispatchd loadtest`: loopback only, bounded in count and time.
struct LoadTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loadtest",
        abstract: "Start a dispatchd on loopback and measure fan-out to N long-polling clients, push and GPS throughput, and RSS.")

    @Option(help: "Long-polling clients (1–15000).") var clients = 1_000
    @Option(help: "Pushers and GPS feeds running at once (1–16).") var pushers = 2
    @Option(help: "Changes sent one at a time for the fan-out measurement (1–100).") var changes = 10
    @Option(help: "Seconds for each of the push and GPS phases (1–120).") var seconds = 10
    @Option(help: "Loads to seed (1000–200000).") var loads = 2_000
    @Option(help: "Work directory (default: a new temp directory, removed afterwards).") var dir: String?
    @Option(help: ArgumentHelp("Run on this empty PostgreSQL database instead of a new SQLite file.",
                               valueName: "postgres://user@127.0.0.1:port/database"))
    var databaseUrl: String?

    func validate() throws {
        guard (1 ... 15_000).contains(clients) else { throw ValidationError("--clients must be between 1 and 15000") }
        guard (1 ... 16).contains(pushers) else { throw ValidationError("--pushers must be between 1 and 16") }
        guard (1 ... 100).contains(changes) else { throw ValidationError("--changes must be between 1 and 100") }
        guard (1 ... 120).contains(seconds) else { throw ValidationError("--seconds must be between 1 and 120") }
        guard (1_000 ... 200_000).contains(loads) else { throw ValidationError("--loads must be between 1000 and 200000") }
    }

    func run() async throws {
        raiseFileLimit(to: clients * 2 + 1_024)
        let work = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("dispatchd-loadtest-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: work) } }
        let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var options = LoadTest.Options(binary: binary, directory: work)
        options.clients = clients
        options.pushers = pushers
        options.changes = changes
        options.seconds = seconds
        options.loads = loads
        options.drivers = max(50, loads / 10)
        options.databaseURL = databaseUrl
        do {
            try await LoadTest(options: options).run()
        } catch {
            throw Failure.say("dispatchd loadtest: \(error)")
        }
    }

    /// Each connection is a descriptor on both sides; the soft limit is often 1,024.
    private func raiseFileLimit(to wanted: Int) {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        let target = min(rlim_t(wanted), limit.rlim_max)
        if limit.rlim_cur < target {
            limit.rlim_cur = target
            setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        }
        if Int(limit.rlim_cur) < wanted {
            FileHandle.standardError.write(Data("note: open-file limit \(limit.rlim_cur) is below the \(wanted) this run needs\n".utf8))
        }
    }
}
