import Domain
import Views

/// The `:` line: editing, Tab completion and Up/Down history.
extension AppState {
    /// Command names Tab offers first.
    static let commandNames = ["assign", "unassign", "open", "goto", "sort", "view", "near", "follow",
                               "theme", "sync", "quit"]

    mutating func handleCommandLine(_ key: Key) -> [Effect] {
        guard var line = screen.commandLine else { return [] }
        if key != .tab { screen.commandCandidates = [] }
        switch key {
        case .escape, .ctrl("c"):
            closeCommandLine()
            return []
        case .enter:
            commandHistory.record(line)
            closeCommandLine()
            return runCommand(line)
        case .tab:
            let completion = complete(line)
            screen.commandLine = completion.line
            screen.commandCandidates = completion.candidates
            return []
        case .up:
            if let older = commandHistory.older(than: line) { screen.commandLine = older }
            return []
        case .down:
            if let newer = commandHistory.newer() { screen.commandLine = newer }
            return []
        default:
            if key == .backspace, line.isEmpty { closeCommandLine(); return [] }
            _ = AppState.edit(&line, key)
            screen.commandLine = line
            return []
        }
    }

    mutating func closeCommandLine() {
        screen.commandLine = nil
        screen.commandCandidates = []
        commandHistory.reset()
    }

    /// Tab on `line`: command names, then the arguments each command takes.
    func complete(_ line: String) -> CommandCompleter.Completion {
        CommandCompleter.complete(line, commands: AppState.commandNames) { command, position in
            completionWords(command: command, position: position)
        }
    }

    /// Words that fit argument `position` of `command`.
    func completionWords(command: String, position: Int) -> [String] {
        switch (command, position) {
        case ("theme", 1): return themes.names
        case ("goto", 1), ("go", 1): return AppState.gotoWords(role: role)
        case ("sort", 1): return BoardSort.allCases.map(\.rawValue)
        case ("view", 1): return ["save", "delete"] + screen.board.savedViews.map(\.name)
        case ("assign", 1), ("unassign", 1), ("open", 1), ("detail", 1):
            return screen.board.rows.map(\.id)
        case ("assign", 2), ("near", 1), ("follow", 1):
            var seen = Set<String>()
            return screen.board.rows.compactMap(\.driverId).filter { seen.insert($0).inserted }
        default: return []
        }
    }
}
