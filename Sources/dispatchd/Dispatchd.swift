import ArgumentParser
import Foundation
import Logging
import Server

/// `dispatchd`: the dispatch backend.
@main
struct Dispatchd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatchd",
        abstract: "The dispatch backend: load board, fleet and payments with a delta sync protocol.",
        subcommands: [Serve.self, Seed.self, UserCommand.self, LoadTestCommand.self],
        defaultSubcommand: Serve.self
    )
}

struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (created if missing).")
    var db = "dispatchd.sqlite"

    @Option(name: .long, help: ArgumentHelp("PostgreSQL database instead of SQLite; several instances may share it.",
                                            valueName: "postgres://user[:password]@host[:port]/database"))
    var databaseUrl: String?

    /// The storage chosen; a bad URL is a one-line error.
    func storage() throws -> DispatchServer.Configuration.Storage {
        guard let databaseUrl else { return .sqlite(path: db) }
        return .postgres(try PostgresURL(databaseUrl))
    }

    /// The database named in messages (never with its password).
    var name: String {
        guard let databaseUrl else { return db }
        return (try? PostgresURL(databaseUrl).description) ?? "the database"
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the HTTP API.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one).") var port = 8080
    @Flag(help: "Move the fleet like live GPS (demo data).") var simulate = false
    @Option(help: ArgumentHelp("Keep deletions this many days; consoles away longer get a full resync.",
                               valueName: "days"))
    var tombstoneHorizonDays = 30
    @Option(help: ArgumentHelp("Keep GPS pings this many days; the latest position per driver is kept always.",
                               valueName: "days"))
    var gpsRetentionDays = 7
    @Option(help: ArgumentHelp("Requests per second per token (bursts of 4× allowed); 0 turns the limit off.",
                               valueName: "n"))
    var rateLimit = 50.0
    @Option(help: "Log format on stderr: text or json.") var logFormat = "text"
    @Option(help: ArgumentHelp("Accept a login token this many days; then the console asks to log in again.",
                               valueName: "days"))
    var tokenLifetimeDays = 30

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard tombstoneHorizonDays >= 1 else { throw ValidationError("--tombstone-horizon-days must be at least 1") }
        guard tokenLifetimeDays >= 1 else { throw ValidationError("--token-lifetime-days must be at least 1") }
        guard gpsRetentionDays >= 1 else { throw ValidationError("--gps-retention-days must be at least 1") }
        guard rateLimit >= 0, rateLimit.isFinite else { throw ValidationError("--rate-limit must be 0 (off) or more") }
        guard ["text", "json"].contains(logFormat) else { throw ValidationError("--log-format must be text or json") }
    }

    func run() async throws {
        if logFormat == "json" {
            LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
        } else {
            LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        }
        let logger = Logger(label: "dispatchd")
        var limits = ServerLimits()
        limits.requestsPerSecond = rateLimit
        limits.requestBurst = rateLimit * 4
        limits.tokenLifetime = Int64(tokenLifetimeDays) * 86_400
        do {
            let server = try await DispatchServer(
                configuration: .init(storage: try database.storage(), host: host, port: port, limits: limits,
                                     simulateFleet: simulate, tombstoneHorizon: Int64(tombstoneHorizonDays) * 86_400,
                                     gpsRetention: Int64(gpsRetentionDays) * 86_400),
                logger: logger)
            try await server.run { port in logger.info("dispatchd listening on http://\(host):\(port)") }
        } catch let error as ServerError {
            throw Failure.say("dispatchd: \(error)")
        } catch {
            throw Failure.say("dispatchd: cannot serve on \(host):\(port): \(error)")
        }
    }
}

struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Fill a new database with realistic demo data.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Number of loads.") var loads = 100_000
    @Option(help: "Number of drivers.") var drivers = 2_000
    @Option(help: "Number of carriers.") var carriers = 800
    @Option(help: "Random seed: the same seed gives the same data.") var seed: UInt64 = 42
    @Flag(inversion: .prefixedNo,
          help: "Also seed a second, smaller organisation (Gulf Coast Haulage, login gulf-dispatch).")
    var secondOrganization = true

    func validate() throws {
        guard loads >= 0, loads <= 5_000_000 else { throw ValidationError("--loads must be between 0 and 5,000,000") }
        guard drivers >= 1, drivers <= 500_000 else { throw ValidationError("--drivers must be between 1 and 500,000") }
        guard carriers >= 1, carriers <= 200_000 else { throw ValidationError("--carriers must be between 1 and 200,000") }
    }

    func run() async throws {
        var options = Seeder.Options()
        options.loads = loads
        options.drivers = drivers
        options.carriers = carriers
        options.seed = seed
        if secondOrganization { options.organizations.append(.second) }
        let started = Date()
        let progress = ProgressLine(label: "seeding")
        do {
            let store: any ServerStore = switch try database.storage() {
            case .sqlite(let path): try SQLiteStore(path: path)
            case .postgres(let url): try await PostgresStore(url: url)
            }
            let counts: [String: Int]
            do {
                try await Seeder(options: options).run(into: store) { progress.update($0, $1) }
                progress.finish()
                counts = try await store.counts()
            } catch {
                await store.close()
                throw error
            }
            await store.close()
            let seconds = Date().timeIntervalSince(started)
            let summary = ["loads", "drivers", "carriers", "events", "invoices", "payouts", "users"]
                .map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("seeded \(database.name) in \(String(format: "%.1f", seconds)) s: \(summary)\n".utf8))
        } catch let error as ServerError {
            progress.finish()
            throw Failure.say("dispatchd: \(error)")
        }
    }
}

/// Prints a one-line reason to stderr and exits non-zero, without a usage dump.
enum Failure {
    static func say(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode.failure
    }
}
