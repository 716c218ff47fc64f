import ArgumentParser
import Foundation
import Client
import Sync
import Domain

struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "login", abstract: "Sign in to a dispatchd server.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Server URL, e.g. http://127.0.0.1:8080.") var server: String
    @Option(help: "User name.") var user: String
    @Flag(help: "Read the password from standard input (for scripts).") var passwordStdin = false
    @Flag(help: "Sign in as someone else even if edits from the previous login are not synced.") var force = false

    func validate() throws {
        guard server.hasPrefix("http://") || server.hasPrefix("https://") else {
            throw ValidationError("--server must be a URL such as http://127.0.0.1:8080")
        }
        guard !user.isEmpty else { throw ValidationError("--user must not be empty") }
    }

    func run() async throws {
        let password = try readPassword()
        let directory = DataDirectory(override: global.dataDir)
        do {
            let client = try DispatchClient(server: server)
            let login = try await client.login(user: user, password: password)
            var config = ConsoleConfig(server: server, user: login.user, role: login.role, driverId: login.driverId,
                                       token: login.token)
            config.keepPreferences(from: directory.configFile)
            try directory.prepare()
            // Another user or server means another scope: start a fresh mirror, but never drop queued edits silently.
            if let previous = try ConsoleConfig.load(from: directory.configFile),
               previous.server != config.server || previous.user != config.user {
                let mirror = try Mirror(path: directory.mirrorFile)
                let pending = try await mirror.queueCounts().pending
                if pending > 0, !force { throw ConsoleError.unsyncedEdits(pending) }
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: directory.mirrorFile + suffix) }
            }
            try config.save(to: directory.configFile)
            FileHandle.note("signed in to \(server) as \(login.user) (\(login.role.rawValue)); run `dispatch sync` or `dispatch`")
        } catch {
            throw ConsoleError.wrap(error)
        }
    }

    private func readPassword() throws -> String {
        if passwordStdin || isatty(0) == 0 {
            guard passwordStdin else {
                throw ConsoleError.usage("no terminal to ask for the password: pipe it with --password-stdin")
            }
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ConsoleError.usage("--password-stdin: no password on standard input")
            }
            return line
        }
        guard let raw = getpass("password for \(user): ") else { throw ConsoleError.usage("no password given") }
        return String(cString: raw)
    }
}
