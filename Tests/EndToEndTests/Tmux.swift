import Foundation

/// Drives a real terminal: a private tmux server running the real `dispatch` binary.
struct Tmux {
    let socket = "dispatch-e2e-\(UUID().uuidString.prefix(8))"
    let session = "e2e"
    /// Log files whose tails a timeout reports, so a CI failure says what the program logged.
    var logs: [String] = []

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The debug binary `swift build` made.
    static var dispatchBinary: String {
        packageRoot.appendingPathComponent(".build/debug/dispatch").path
    }

    static var dispatchdBinary: String {
        packageRoot.appendingPathComponent(".build/debug/dispatchd").path
    }

    /// Runs a tmux client and returns what it printed.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        // tmux decides UTF-8 support from the locale of its client; CI may have none set.
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment["TERM"] = environment["TERM"].flatMap { $0 == "dumb" ? nil : $0 } ?? "xterm-256color"
        return try Spawn.run(["tmux", "-L", socket] + arguments, environment: environment).output
    }

    func start(_ command: String, width: Int = 100, height: Int = 30) throws {
        try tmux(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), command])
    }

    func keys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", session] + keys)
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", session])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen until `predicate` holds; terminal tests wait for the real program, never a fixed sleep.
    func waitFor(_ what: String, timeout: Duration = .seconds(60),
                 _ predicate: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var last = ""
        while ContinuousClock.now < deadline {
            last = (try? screen()) ?? ""
            if predicate(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TmuxTimeout(what: what, screen: last, logs: logs.map(Tmux.tail))
    }

    /// The last lines of a log file, headed by its path.
    static func tail(_ path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "(no log)"
        return "--- \(path)\n" + text.split(separator: "\n").suffix(40).joined(separator: "\n")
    }

    /// Waits until the board's header shows `filter` and its first row is one of the filtered rows:
    /// the header changes at once, the rows when the query answers, and a key pressed in between
    /// would act on a row of the old list.
    func waitForBoard(_ filter: String, firstRowContains rowText: String) async throws -> String {
        try await waitFor("board showing \(filter)") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            guard screen.contains(filter),
                  let header = lines.firstIndex(where: { $0.contains(" ID ") && $0.contains("Status") }),
                  header + 1 < lines.count else { return false }
            return lines[header + 1].contains(rowText)
        }
    }

    func waitFor(_ text: String, timeout: Duration = .seconds(60)) async throws -> String {
        try await waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    func kill() {
        _ = try? tmux(["kill-server"])
    }
}

struct TmuxTimeout: Error, CustomStringConvertible {
    let what: String
    let screen: String
    var logs: [String] = []
    var description: String {
        (["timed out waiting for \(what); screen was:\n\(screen)"] + logs).joined(separator: "\n")
    }
}
