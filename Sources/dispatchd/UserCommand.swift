import ArgumentParser
import Foundation
import Domain
import Server

/// `dispatchd user`: logins, administered on the database directly (run it where dispatchd runs).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Add, change, disable and list logins.",
        subcommands: [Add.self, Passwd.self, Disable.self, Enable.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a login (the password is asked for, or read from stdin).")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "The login name (lowercase letters, digits, - _ . @).") var name: String
        @Option(help: "dispatcher, accounting or driver.") var role: String
        @Option(help: ArgumentHelp("The driver this login is (drivers only).", valueName: "D-12")) var driver: String?
        @Option(help: "The organisation to join; needed when the database holds several.") var organization: String?
        @Flag(help: "Read the password from standard input.") var passwordStdin = false

        func validate() throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role must be dispatcher, accounting or driver")
            }
            if let problem = UserRules.problem(name: name) ?? UserRules.problem(role: role, driverId: driver) {
                throw ValidationError(problem)
            }
        }

        func run() async throws {
            let password = try PasswordInput.read(for: name, stdin: passwordStdin, confirm: true)
            let user = NewUser(name: name, password: password, role: Role(rawValue: role) ?? .dispatcher,
                               driverId: driver, organization: organization)
            try await database.withStore { try await $0.addUser(user) }
            FileHandle.standardError.write(Data("added \(name) (\(role))\n".utf8))
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a login's password; its sessions end.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "The login name.") var name: String
        @Flag(help: "Read the password from standard input.") var passwordStdin = false

        func run() async throws {
            let password = try PasswordInput.read(for: name, stdin: passwordStdin, confirm: true)
            try await database.withStore { try await $0.setPassword(user: name, password: password) }
            FileHandle.standardError.write(Data("password of \(name) changed; its sessions are signed out\n".utf8))
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a login: it cannot sign in and its sessions end.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "The login name.") var name: String

        func run() async throws {
            try await database.withStore { try await $0.setDisabled(user: name, true) }
            FileHandle.standardError.write(Data("\(name) is disabled; its sessions are signed out\n".utf8))
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a disabled login sign in again.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "The login name.") var name: String

        func run() async throws {
            try await database.withStore { try await $0.setDisabled(user: name, false) }
            FileHandle.standardError.write(Data("\(name) may sign in again\n".utf8))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the logins.")
        @OptionGroup var database: DatabaseOption
        @Flag(help: "One JSON array on stdout.") var json = false

        func run() async throws {
            let users = try await database.withStore { try await $0.listUsers() }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                FileHandle.standardOutput.write(try encoder.encode(users) + Data("\n".utf8))
                return
            }
            var lines = ["NAME                 ROLE         DRIVER   ORGANIZATION             SESSIONS  STATE"]
            for user in users {
                lines.append([user.name.padded(20), user.role.rawValue.padded(12), (user.driverId ?? "-").padded(8),
                              user.organization.padded(24), String(user.sessions).padded(9),
                              user.disabled ? "disabled" : "active"].joined(separator: " "))
            }
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
}

extension DatabaseOption {
    /// Opens the store, runs `body` and closes it; a store error is one line on stderr.
    func withStore<T: Sendable>(_ body: (any ServerStore) async throws -> T) async throws -> T {
        do {
            let store: any ServerStore = switch try storage() {
            case .sqlite(let path): try SQLiteStore(path: path)
            case .postgres(let url): try await PostgresStore(url: url)
            }
            do {
                let value = try await body(store)
                await store.close()
                return value
            } catch {
                await store.close()
                throw error
            }
        } catch let error as ServerError {
            throw Failure.say("dispatchd: \(error)")
        }
    }
}

/// A password from the terminal (asked twice) or one line of stdin.
enum PasswordInput {
    static func read(for name: String, stdin: Bool, confirm: Bool) throws -> String {
        let password: String
        if stdin || isatty(0) == 0 {
            guard stdin else { throw Failure.say("dispatchd: no terminal to ask for the password: pipe it with --password-stdin") }
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw Failure.say("dispatchd: --password-stdin: no password on standard input")
            }
            password = line
        } else {
            guard let first = getpass("new password for \(name): ").map({ String(cString: $0) }) else {
                throw Failure.say("dispatchd: no password given")
            }
            if confirm {
                guard let again = getpass("again: ").map({ String(cString: $0) }), again == first else {
                    throw Failure.say("dispatchd: the passwords differ; nothing changed")
                }
            }
            password = first
        }
        if let problem = UserRules.problem(password: password) { throw Failure.say("dispatchd: \(problem)") }
        return password
    }
}

private extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
