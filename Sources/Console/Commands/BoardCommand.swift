import ArgumentParser
import Foundation
import Domain

/// `dispatch` with no subcommand: the full-screen console for the signed-in user.
struct BoardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "board", abstract: "Open the console (the default).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let session = try Session.open(global)
        try await TUI.run(session: session, display: display)
    }
}

/// `dispatch driver`: the console in driver mode (narrow layout; my loads and the next stop).
struct DriverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "driver",
                                                    abstract: "Open the driver console (sign in as a driver first); add a driver or set its duty.",
                                                    subcommands: [DriverAddCommand.self, DriverDutyCommand.self])

    @OptionGroup var global: GlobalOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let session = try Session.open(global)
        guard session.config.role == .driver else {
            throw ConsoleError.usage("signed in as \(session.config.user) (\(session.config.role.rawValue)); driver mode needs a driver login, e.g. `dispatch login --user d-17`")
        }
        try await TUI.run(session: session, display: display)
    }
}

enum TUI {
    /// Opens the full-screen console; logs go to the data directory while it runs.
    static func run(session: Session, display: DisplayOptions) async throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw ConsoleError.terminal("the console needs a terminal; for scripts use `dispatch loads --json`, `dispatch sync`, `dispatch outbox`")
        }
        // Settled before curses starts, so a wrong --theme is an ordinary error message.
        let settings = try DisplaySettings.resolve(display, config: session.config, directory: session.directory)
        let savedStderr = dup(STDERR_FILENO)
        FileLogHandler.bootstrap(path: session.directory.logFile)
        FileLogHandler.redirectStandardError(to: session.directory.logFile)
        Terminal.restoreOnFatalSignals()
        defer {
            dup2(savedStderr, STDERR_FILENO)
            close(savedStderr)
        }
        try await AppLoop.start(session: session, display: settings)
    }
}
