#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCursesW
import Views

/// Why the terminal could not be set up.
enum TerminalError: Error, CustomStringConvertible {
    case notATerminal(String)

    var description: String {
        switch self {
        case let .notATerminal(detail): "cannot start the terminal UI: \(detail)"
        }
    }
}

/// Set while curses owns the screen, so a fatal signal handler knows to restore it.
/// Only ever written on the UI thread; the signal handler just reads it.
nonisolated(unsafe) private(set) var cursesIsActive = false

/// The only ncurses code in the project: copies `CellBuffer` frames to the screen
/// and turns input into `Key`s.
///
/// Not thread-safe by design: create it, draw and read keys on one dedicated UI
/// thread. Only the cells that changed since the last frame are written, then one
/// `doupdate` pushes them out.
final class Terminal {
    /// The window `newterm` made (Swift 6 refuses the `stdscr` global).
    let window: UnsafeMutablePointer<WINDOW>
    private let screen: OpaquePointer
    private var previous: CellBuffer?
    private var closed = false
    /// Columns and lines of the terminal, updated on resize.
    private(set) var size: (width: Int, height: Int)
    /// The locale is UTF-8; otherwise frames are transliterated to ASCII.
    let isUTF8: Bool
    /// Colours are on (a colour terminal and `NO_COLOR` unset).
    let usesColor: Bool
    /// The colour pair of each role the current theme colours (see `apply(_:)`).
    var rolePairs: [StyleRole: Int32] = [:]
    /// Mouse reporting was switched on (`--mouse`).
    var mouseEnabled = false

    /// Starts curses on the controlling terminal (stdin/stdout).
    ///
    /// - Parameters:
    ///   - forceASCII: draw ASCII only even under a UTF-8 locale.
    ///   - theme: the colours; ignored without colour (`NO_COLOR`, monochrome terminal).
    ///   - mouse: report clicks and the wheel (off by default so the terminal can select text).
    init(forceASCII: Bool = false, theme: Theme = .plain, mouse: Bool = false) throws {
        // Before newterm, or wide characters and line drawing break.
        setlocale(LC_ALL, "")
        let codeset = dispatch_codeset().map { String(cString: $0) } ?? ""
        isUTF8 = !forceASCII && (codeset.uppercased() == "UTF-8" || codeset.lowercased() == "utf8")
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError.notATerminal("stdin and stdout must be a terminal")
        }
        // Swift 6 refuses the stdio globals; fresh streams on the same descriptors do the same job.
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
              let screen = newterm(nil, output, input) else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw TerminalError.notATerminal("unknown terminal type \(term)")
        }
        set_term(screen)
        guard let window = dispatch_stdscr() else {
            endwin()
            throw TerminalError.notATerminal("no standard screen")
        }
        self.screen = screen
        self.window = window
        cursesIsActive = true
        raw()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        // No typeahead checks while drawing: curses would break off a frame when a key was
        // waiting, leaving half of it on screen; the app coalesces keys itself.
        typeahead(-1)
        // The 1 s default makes Esc feel broken.
        set_escdelay(25)
        curs_set(0)
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        if has_colors() && !noColor {
            start_color()
            use_default_colors()
            usesColor = true
        } else {
            usesColor = false
        }
        var rows: Int32 = 0, cols: Int32 = 0
        dispatch_getmaxyx(window, &rows, &cols)
        size = (Int(cols), Int(rows))
        if usesColor { apply(theme) }
        if mouse { enableMouse() }
        Terminal.leaveInitialState()
    }

    /// Puts curses in its running state, so a frame leaves the process in one `write(2)`.
    ///
    /// ncurses 6.4 keeps a screen in its "initial" state after `newterm` until the first
    /// `endwin`/`doupdate` cycle, and in that state it flushes its output buffer after every
    /// cursor movement (meant for low-level terminfo programs that call `mvcur` directly).
    /// A frame then left in one `write` per moved-to run, ~60 for a page, and tmux or the
    /// terminal got it in pieces. One suspend and resume before the first frame ends that:
    /// `doupdate` coming back from `endwin` marks the screen running, and from then on curses
    /// flushes once per `doupdate` (or when its buffer of (lines+2)×(columns+6) bytes fills).
    /// It happens before anything is drawn; the resume restores raw mode, keypad, the mouse
    /// and the hidden cursor, and clears the screen.
    ///
    /// What `endwin` writes (leave the alternate screen, show the cursor) would show the shell
    /// for a moment, so it goes to /dev/null: the terminal stays on the alternate screen. The
    /// terminal modes `endwin` would restore on that descriptor stay as they are, which is
    /// what the resume sets anyway.
    private static func leaveInitialState() {
        let terminal = dup(STDOUT_FILENO)
        let null = open("/dev/null", O_WRONLY)
        let hidden = terminal >= 0 && null >= 0 && dup2(null, STDOUT_FILENO) >= 0
        endwin()
        if hidden { dup2(terminal, STDOUT_FILENO) }
        if null >= 0 { close(null) }
        if terminal >= 0 { close(terminal) }
        doupdate()
    }

    deinit { shutdown() }

    /// Where keys arrive, for `poll()` in the UI loop.
    var inputFileDescriptor: Int32 { STDIN_FILENO }

    /// Copies a frame to the screen, writing only cells that changed since the last one.
    /// A frame of another size (after a resize) is drawn in full on a cleared screen.
    func draw(_ buffer: CellBuffer) {
        guard !closed else { return }
        if let previous, previous.width != buffer.width || previous.height != buffer.height {
            self.previous = nil
        }
        if previous == nil {
            werase(window)
            clearok(window, true)
        }
        for run in buffer.diff(from: previous) {
            for (offset, cell) in run.cells.enumerated() {
                let x = run.x + offset
                // The bottom-right cell reports ERR (the cursor cannot advance) but is drawn; ignore it.
                guard x < size.width, run.y < size.height else { continue }
                write(cell, x: x, y: run.y)
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    /// Tells curses the terminal's new size (from a SIGWINCH source) and forces a full redraw.
    func handleResize(width: Int, height: Int) {
        guard !closed, width > 0, height > 0 else { return }
        resizeterm(Int32(height), Int32(width))
        refreshSize()
        previous = nil
    }

    /// Asks the kernel for the window size (after SIGWINCH) and resizes to it.
    func handleResize() {
        if let measured = Terminal.measure() { handleResize(width: measured.width, height: measured.height) }
    }

    /// Restores the terminal (cooked mode, cursor, main screen). Safe to call twice.
    func shutdown() {
        guard !closed else { return }
        closed = true
        if mouseEnabled { disableMouse() }
        curs_set(1)
        endwin()
        cursesIsActive = false
        delscreen(screen)
    }

    /// The next `draw` repaints everything (after a resize or when the screen got garbled).
    func forceFullRedraw() { previous = nil }

    func refreshSize() {
        var rows: Int32 = 0, cols: Int32 = 0
        dispatch_getmaxyx(window, &rows, &cols)
        size = (Int(cols), Int(rows))
    }

    /// The terminal size from `TIOCGWINSZ`, or nil when stdout is not a terminal.
    static func measure() -> (width: Int, height: Int)? {
        var ws = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else { return nil }
        return (Int(ws.ws_col), Int(ws.ws_row))
    }

    private func write(_ cell: Cell, x: Int, y: Int) {
        // Nearly every cell is one ASCII byte: no array per cell (a full frame is 4,800 cells,
        // and allocating for each was a third of a full redraw).
        let utf8 = cell.text.utf8
        if !cell.isContinuation, utf8.count == 1, let byte = utf8.first, byte < 0x80 {
            let (attrs, pair) = attributes(for: cell.style)
            var wide: (wchar_t, wchar_t) = (wchar_t(byte), 0)
            _ = withUnsafePointer(to: &wide) { tuple in
                tuple.withMemoryRebound(to: wchar_t.self, capacity: 2) {
                    dispatch_put_cell(window, Int32(y), Int32(x), $0, attrs, pair)
                }
            }
            return
        }
        var text = cell.text
        if cell.isContinuation {
            // Under UTF-8 the wide character to the left covers this column.
            guard !isUTF8 else { return }
            text = " "
        }
        if !isUTF8 { text = Terminal.ascii(text) }
        var wide: [wchar_t] = []
        for scalar in text.unicodeScalars.prefix(4) { wide.append(wchar_t(bitPattern: scalar.value)) }
        if wide.isEmpty { wide.append(wchar_t(32)) }
        wide.append(0)
        let (attrs, pair) = attributes(for: cell.style)
        _ = dispatch_put_cell(window, Int32(y), Int32(x), wide, attrs, pair)
    }
}

extension Terminal {
    /// Restores the terminal before a crash or kill takes the process down, then lets the
    /// signal do what it would have done (core dump, exit status).
    ///
    /// `endwin` is not async-signal-safe; it is a best effort that works in practice and is
    /// far better than leaving the user's shell in raw mode with no echo.
    static func restoreOnFatalSignals() {
        // SIGTRAP: a Swift runtime trap (overflow, bad index, force unwrap) on arm64.
        for signal in [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGTERM, SIGINT, SIGHUP, SIGQUIT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                // As `shutdown` does: mouse off, cursor on, then endwin leaves the alternate screen.
                if cursesIsActive {
                    cursesIsActive = false
                    if mouseReportingIsOn { dispatch_mouse_off() }
                    curs_set(1)
                    endwin()
                }
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }
}
