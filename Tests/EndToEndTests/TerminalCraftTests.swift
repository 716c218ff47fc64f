import Foundation
import Testing

/// The real console in a real terminal: NO_COLOR, themes, a resize under a dialog, signals.
@Suite("Terminal craft under tmux", .serialized)
struct TerminalCraftTests {
    /// A demo console in its own directory and tmux server; `extra` goes to `dispatch demo`.
    struct Demo {
        let directory: URL
        let tmux = Tmux()

        /// With `record`, every byte the console writes to its terminal, in order (`script`).
        var recording: URL { directory.appendingPathComponent("terminal.bytes") }

        init(environment: String = "env -u NO_COLOR", extra: String = "", record: Bool = false) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("dispatch-craft-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // The script records its pid and execs the console, so a test can signal exactly that process.
            let script = directory.appendingPathComponent("run.sh")
            var console = "\(environment) LANG=C.UTF-8 \(Tmux.dispatchBinary) demo --dir \(directory.path) --loads 400 --all \(extra)"
            if record { console = "script -qfec '\(console)' \(recording.path)" }
            try """
                #!/bin/sh
                ulimit -c 0
                echo $$ > \(directory.path)/pid
                exec \(console)

                """.write(to: script, atomically: true, encoding: .utf8)
            try tmux.start("sh \(script.path); echo EXIT=$?; sleep 600")
        }

        func close() {
            tmux.kill()
            try? FileManager.default.removeItem(at: directory)
        }

        /// The screen with its escape sequences (`capture-pane -e`).
        func styledScreen() throws -> String {
            try tmux.tmux(["capture-pane", "-p", "-e", "-t", tmux.session])
        }

        /// A tmux format variable of the pane (`alternate_on`, `cursor_flag`, …).
        func paneFlag(_ name: String) throws -> String {
            try tmux.tmux(["display-message", "-p", "-t", tmux.session, "#{\(name)}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func pid() throws -> Int32 {
            let text = try String(contentsOf: directory.appendingPathComponent("pid"), encoding: .utf8)
            return try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
    }

    /// The colour parameters of every SGR sequence (`ESC [ … m`) in `text`: 30–37, 40–47,
    /// 90–97, 100–107 and the 38/48 extended forms. Attributes (bold, reverse, …) are not colours.
    static func colourCodes(_ text: String) -> Set<String> {
        var found = Set<String>()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" else { i += 1; continue }
            var j = i + 2
            var body = ""
            while j < scalars.count, "0123456789;:".unicodeScalars.contains(scalars[j]) { body.unicodeScalars.append(scalars[j]); j += 1 }
            if j < scalars.count, scalars[j] == "m" {
                let params = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
                var k = 0
                while k < params.count {
                    let p = params[k]
                    if p == 38 || p == 48 {
                        let end = min(params.count, k + (params.count > k + 1 && params[k + 1] == 2 ? 5 : 3))
                        found.insert(params[k ..< end].map(String.init).joined(separator: ";"))
                        k = end
                        continue
                    }
                    if (30...37).contains(p) || (40...47).contains(p) || (90...97).contains(p) || (100...107).contains(p) {
                        found.insert(String(p))
                    }
                    k += 1
                }
            }
            i = j
        }
        return found
    }

    @Test func noColorShowsStateAsWordsAndNoColourAtAll() async throws {
        let demo = try Demo(environment: "env NO_COLOR=1")
        defer { demo.close() }
        _ = try await demo.tmux.waitFor("row 1 of 400", timeout: .seconds(120))
        _ = try await demo.tmux.waitFor("online")
        var styled = try demo.styledScreen()
        #expect(TerminalCraftTests.colourCodes(styled).isEmpty, "colour codes under NO_COLOR: \(TerminalCraftTests.colourCodes(styled))")
        #expect(styled.contains("\u{1B}["), "the capture carries the escape sequences")
        // Verdicts read as words.
        try demo.tmux.keys("3")
        _ = try await demo.tmux.waitFor("DO-NOT-USE")
        styled = try demo.styledScreen()
        #expect(TerminalCraftTests.colourCodes(styled).isEmpty)
        // :theme still switches, says why nothing changes, and stays colourless.
        try demo.tmux.keys(":theme light", "Enter")
        _ = try await demo.tmux.waitFor("NO_COLOR is set")
        #expect(TerminalCraftTests.colourCodes(try demo.styledScreen()).isEmpty)
        try demo.tmux.keys("q")
        _ = try await demo.tmux.waitFor("EXIT=0")
    }

    /// The console enters the alternate screen once and stays there until it quits: nothing of
    /// the shell flashes up before the first frame (curses is suspended once at start, unseen).
    @Test func startingNeverShowsTheShellBeforeTheFirstFrame() async throws {
        let demo = try Demo(record: true)
        defer { demo.close() }
        _ = try await demo.tmux.waitFor("row 1 of 400", timeout: .seconds(120))
        try demo.tmux.keys("q")
        _ = try await demo.tmux.waitFor("EXIT=0")
        let bytes = try Data(contentsOf: demo.recording)
        let enter = Data("\u{1B}[?1049h".utf8), leave = Data("\u{1B}[?1049l".utf8)
        let firstFrame = try #require(bytes.range(of: Data("Loads".utf8)), "no frame in the recording")
        let start = bytes[..<firstFrame.lowerBound]
        #expect(start.range(of: enter) != nil, "the console enters the alternate screen")
        #expect(start.range(of: leave) == nil, "it left the alternate screen before its first frame")
        #expect(bytes[firstFrame.upperBound...].range(of: leave) != nil, "and leaves it on quit")
    }

    @Test func themeLightSwitchesTheColoursAtOnce() async throws {
        let demo = try Demo()
        defer { demo.close() }
        _ = try await demo.tmux.waitFor("row 1 of 400", timeout: .seconds(120))
        _ = try await demo.tmux.waitFor("online")
        let dark = TerminalCraftTests.colourCodes(try demo.styledScreen())
        #expect(!dark.isEmpty, "the dark theme draws in colour")

        // Tab completes the name; `:theme` alone lists the themes.
        try demo.tmux.keys(":them", "Tab", "li", "Tab", "Enter")
        _ = try await demo.tmux.waitFor("theme light")
        let light = try await waitForColours(demo) { $0 != dark && !$0.isEmpty }
        #expect(light != dark)
        try demo.tmux.keys(":theme", "Enter")
        _ = try await demo.tmux.waitFor("light (in use)")
        try demo.tmux.keys(":theme neon", "Enter")
        _ = try await demo.tmux.waitFor("no theme 'neon'; available: dark, high-contrast, light, monochrome")
        // Up recalls the last command; back to dark brings the first colours back.
        try demo.tmux.keys(":", "Up")
        _ = try await demo.tmux.waitFor(":theme neon")
        try demo.tmux.keys("Escape", ":theme dark", "Enter")
        let lightOnly = light.subtracting(dark)
        _ = try await waitForColours(demo) { !$0.isEmpty && $0.isDisjoint(with: lightOnly) }
        try demo.tmux.keys("q")
        _ = try await demo.tmux.waitFor("EXIT=0")
    }

    @Test func aResizeInTheMiddleOfADialogRedrawsItWholeAndItStaysUsable() async throws {
        let demo = try Demo()
        defer { demo.close() }
        _ = try await demo.tmux.waitFor("row 1 of 400", timeout: .seconds(120))
        try demo.tmux.keys("/")
        _ = try await demo.tmux.waitFor("Filter loads")
        try demo.tmux.keys("Tab", "post")
        _ = try await demo.tmux.waitFor("post▏")

        // 100x30 spaces the fields out; 90x26 packs them: a different layout, drawn from scratch.
        try demo.tmux.resize(width: 90, height: 26)
        let labels = ["Search:", "Status:", "Origin:", "Destination:", "Equipment:", "Pickup from:", "Pickup to:",
                      "Min $/mile:", "Max weight:", "Max length:", "Full/partial:", "Posted within:"]
        let screen = try await demo.tmux.waitFor("the whole dialog at 90x26") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 26 && labels.allSatisfy(screen.contains) && screen.contains("Esc cancel")
                && lines.contains { $0.contains("Filter loads") && $0.contains("┌") }
        }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let top = try #require(lines.firstIndex { $0.contains("Filter loads") })
        let bottom = try #require(lines.lastIndex { $0.contains("└") })
        let left = try #require(lines[top].firstIndex(of: "┌")).utf16Offset(in: lines[top])
        let width = min(90 - 4, 96) // the filter form takes the width it has, up to 96 columns
        #expect(left == (90 - width) / 2, "centred in the new width")
        #expect(lines[bottom].firstIndex(of: "└")?.utf16Offset(in: lines[bottom]) == left, "one box, top and bottom aligned")
        #expect(bottom - top + 1 == 12 + 4, "the packed layout: one line per field")
        #expect(lines.filter { $0.contains("Filter loads") }.count == 1, "no trace of the old frame")
        #expect(screen.contains("post▏"), "what was typed survives")

        // Still usable: keep typing, then Esc closes it and the board is back.
        try demo.tmux.keys("ed")
        _ = try await demo.tmux.waitFor("posted▏")
        try demo.tmux.keys("Escape")
        _ = try await demo.tmux.waitFor("dialog closed") { !$0.contains("Filter loads") && $0.contains("row 1 of 400") }
        try demo.tmux.keys("q")
        _ = try await demo.tmux.waitFor("EXIT=0")
    }

    @Test func withMouseOnClicksSwitchTabsAndSelectRowsAndTheWheelScrolls() async throws {
        let demo = try Demo(extra: "--mouse")
        defer { demo.close() }
        _ = try await demo.tmux.waitFor("row 1 of 400", timeout: .seconds(120))
        // What the terminal sends for the mouse under tmux-256color (X10 encoding, as its kmous says):
        // a left press is followed by its release (button 3); wheel notches have none.
        func press(_ button: Int, x: Int, y: Int) throws {
            var bytes = [0x1B, 0x5B, 0x4D, 32 + button, 33 + x, 33 + y]
            if button == 0 { bytes += [0x1B, 0x5B, 0x4D, 32 + 3, 33 + x, 33 + y] }
            try demo.tmux.tmux(["send-keys", "-t", demo.tmux.session, "-H"] + bytes.map { String($0, radix: 16) })
        }
        try press(0, x: 21, y: 0)                // " 2 Map " in the tab bar
        _ = try await demo.tmux.waitFor("+/- zoom")
        try press(0, x: 12, y: 0)                // " 1 Loads "
        _ = try await demo.tmux.waitFor("row 1 of 400")
        try press(0, x: 10, y: 5)                // the third row of the board
        _ = try await demo.tmux.waitFor("row 3 of 400")
        try press(65, x: 10, y: 10)              // wheel down: three rows
        _ = try await demo.tmux.waitFor("row 6 of 400")
        try press(64, x: 10, y: 10)              // wheel up
        _ = try await demo.tmux.waitFor("row 3 of 400")
        try demo.tmux.keys("q")
        _ = try await demo.tmux.waitFor("EXIT=0")
    }

    /// A kill, a hang-up and a crash all hand the terminal back; the process still dies of the signal.
    @Test(arguments: [(SIGTERM, "TERM"), (SIGHUP, "HUP"), (SIGABRT, "ABRT"), (SIGSEGV, "SEGV")])
    func aSignalRestoresTheTerminal(signal: Int32, name: String) async throws {
        let demo = try Demo(extra: "--mouse")
        defer { demo.close() }
        _ = try await demo.tmux.waitFor("row 1 of 400", timeout: .seconds(120))
        #expect(try demo.paneFlag("alternate_on") == "1", "the console runs on the alternate screen")
        #expect(try demo.paneFlag("cursor_flag") == "0", "with the cursor hidden")
        #expect(try demo.paneFlag("mouse_any_flag") == "1", "--mouse turns mouse reporting on")

        let pid = try demo.pid()
        #expect(kill(pid, signal) == 0, "SIG\(name)")
        _ = try await demo.tmux.waitFor("EXIT=\(128 + signal)")
        #expect(try demo.paneFlag("alternate_on") == "0", "back on the main screen")
        #expect(try demo.paneFlag("cursor_flag") == "1", "cursor visible")
        #expect(try demo.paneFlag("mouse_any_flag") == "0", "mouse reporting off")
    }

    /// Polls the screen's colour codes until `predicate` holds.
    func waitForColours(_ demo: Demo, _ predicate: (Set<String>) -> Bool) async throws -> Set<String> {
        let deadline = ContinuousClock.now + .seconds(20)
        var last = Set<String>()
        while ContinuousClock.now < deadline {
            last = TerminalCraftTests.colourCodes((try? demo.styledScreen()) ?? "")
            if predicate(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TmuxTimeout(what: "colours to change", screen: last.sorted().joined(separator: " "))
    }
}
