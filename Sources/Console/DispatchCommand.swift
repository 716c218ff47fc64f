import ArgumentParser
import Foundation

/// `dispatch`: the load board console. With no subcommand it opens the TUI.
@main
struct DispatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Keyboard-driven freight dispatch console that keeps working offline.",
        subcommands: [BoardCommand.self, DriverCommand.self, DemoCommand.self, LoginCommand.self, LogoutCommand.self, SyncCommand.self,
                      LoadsCommand.self, AssignCommand.self, OutboxCommand.self, ConflictsCommand.self,
                      NoteCommand.self, PayoutCommand.self, EventsCommand.self, PostCommand.self, EditCommand.self,
                      CancelCommand.self, TenderCommand.self, CheckCallCommand.self, UnassignCommand.self,
                      ImportCommand.self, ExportCommand.self, CarriersCommand.self, CarrierCommand.self, DriversCommand.self,
                      StatusCommand.self],
        defaultSubcommand: BoardCommand.self
    )
}

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Keep config, mirror and log in this directory (default: XDG directories).",
                                            valueName: "dir"))
    var dataDir: String?
}

extension FileHandle {
    /// Status lines go to stderr so stdout stays clean for `--json`.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Writes to stdout unbuffered (print to a pipe is block-buffered and lost on a signal).
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
