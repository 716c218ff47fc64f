import ArgumentParser
import Foundation
import Client
import Domain
import Server
import Sync

/// `dispatch demo`: a real dispatchd in this process on a free loopback port, seeded on first run,
/// with a moving fleet, and the console signed in to it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Run dispatchd in-process with seeded data and open the console on it.")

    @Option(help: ArgumentHelp("Demo directory (server database and consoles).", valueName: "dir"))
    var dir: String?
    @Flag(help: "Open the console as a driver instead of the dispatcher.") var driver = false
    @Option(help: "Loads to seed on first run.") var loads = 100_000
    @Option(help: "Port for dispatchd (0 picks a free one).") var port = 0
    @Flag(help: "Start the server and sync, print what a second console needs, and keep serving without a TUI.")
    var headless = false
    @OptionGroup var display: DisplayOptions

    func validate() throws {
        guard (1...2_000_000).contains(loads) else { throw ValidationError("--loads must be between 1 and 2,000,000") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let env = ProcessInfo.processInfo.environment
        let base = dir ?? ((env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (env["HOME"] ?? ".") + "/.local/share") + "/dispatch/demo")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        // The in-process server logs to the demo directory, never over the console.
        if !headless { FileLogHandler.bootstrap(path: base + "/dispatchd.log") }
        let serverLog = ProgressLine(label: "seeding demo data")
        do {
            let server = try await DispatchServer(configuration: .init(databasePath: base + "/dispatchd.sqlite", port: port,
                                                                 simulateFleet: true))
            if try await server.store.counts()["loads"] == 0 {
                FileHandle.note("first run: seeding \(Format.count(loads)) loads into \(base)/dispatchd.sqlite")
                var options = Seeder.Options()
                options.loads = loads
                // A second tenant on the same server, which this console never sees.
                options.organizations.append(.second)
                try await Seeder(options: options).run(into: server.store) { serverLog.update($0, $1) }
                serverLog.finish()
            }
            let running = try await server.start()
            let login = driver ? try await server.store.busiestDriverLogin(organization: Seeder.organization) : Seeder.dispatcherLogin.user
            let password = driver ? Seeder.driverPassword : Seeder.dispatcherLogin.password
            let directory = DataDirectory(override: base + "/console-" + login)
            let client = try DispatchClient(server: running.url)
            let response = try await client.login(user: login, password: password)
            var config = ConsoleConfig(server: running.url, user: response.user, role: response.role,
                                       driverId: response.driverId, token: response.token)
            config.keepPreferences(from: directory.configFile)
            try directory.prepare()
            try config.save(to: directory.configFile)
            let session = try Session.open(directory: directory, config: config)
            if headless {
                FileHandle.note("dispatchd demo serving on \(running.url) (database \(base)/dispatchd.sqlite)")
                FileHandle.note("logins: dispatch/dispatch, accounting/accounting, drivers d-N/driver; Ctrl-C stops")
                let report = try await session.engine.syncOnce()
                FileHandle.note("console \(login) synced \(Format.count(report.pulledRows)) rows")
                while !Task.isCancelled { try await Task.sleep(for: .seconds(3_600)) }
                return
            }
            try await TUI.run(session: session, display: display)
            await running.stop()
        } catch {
            serverLog.finish()
            throw ConsoleError.wrap(error)
        }
    }
}
