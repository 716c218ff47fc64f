import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Domain
import Sync
import Views

/// The UI thread: owns the Terminal, sleeps in `poll` on the keyboard and the inbox,
/// reduces events, starts effects and draws one frame per turn.
final class AppLoop: @unchecked Sendable {
    let session: Session
    let inbox: Inbox
    private var state: AppState
    private let display: DisplaySettings

    init(session: Session, state: AppState, display: DisplaySettings = .standard) throws {
        self.session = session
        self.inbox = try Inbox()
        self.state = state
        self.display = display
    }

    /// Runs the console until the user quits. Blocks the calling thread; call from a dedicated one.
    func run() throws {
        let terminal = try Terminal(theme: state.theme, mouse: display.mouse)
        defer { terminal.shutdown() }
        var appliedTheme = state.theme
        state.colorEnabled = terminal.usesColor
        state.screen.width = terminal.size.width
        state.screen.height = terminal.size.height
        state.screen.asciiOnly = !terminal.isUTF8

        let inbox = self.inbox
        let runner = EffectRunner(session: session, post: inbox.post)
        let engine = session.engine
        let syncTask = Task.detached { await engine.run { inbox.post(.sync($0)) } }
        defer { syncTask.cancel() }

        // SIGWINCH becomes an event: the UI thread resizes curses itself.
        signal(SIGWINCH, SIG_IGN)
        let resizeSource = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .global())
        resizeSource.setEventHandler { inbox.post(.key(.resize)) }
        resizeSource.resume()
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { inbox.post(.tick(now: Int64(Date().timeIntervalSince1970))) }
        timer.resume()
        defer {
            resizeSource.cancel()
            timer.cancel()
        }

        let trace = FrameTrace()
        defer { trace?.finish() }
        for effect in state.start() { runner.run(effect) }
        terminal.draw(Screen.render(state.screen))

        var fds = [pollfd(fd: terminal.inputFileDescriptor, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: inbox.wakeFileDescriptor, events: Int16(POLLIN), revents: 0)]
        // A key that asks the board for rows holds its frame a moment for them (`FrameHold`).
        var hold = FrameHold()
        let clock = ContinuousClock()
        let origin = clock.now
        while !state.quitting {
            let ready = poll(&fds, nfds_t(fds.count), hold.pollTimeout(at: clock.now - origin))
            if ready < 0 && errno != EINTR { throw ConsoleError.terminal("poll failed: errno \(errno)") }
            // The terminal is gone (window closed, ssh dropped): poll would report it forever and spin.
            // Queued edits are already on disk, so leaving loses nothing.
            if ready > 0, fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { break }
            var events: [AppEvent] = []
            for key in terminal.readKeys() {
                trace?.keyRead()
                if key == .resize {
                    events.append(.resize(width: terminal.size.width, height: terminal.size.height))
                } else {
                    events.append(.key(key))
                }
            }
            for event in inbox.drain() {
                if case .key(.resize) = event {
                    terminal.handleResize()
                    events.append(.resize(width: terminal.size.width, height: terminal.size.height))
                } else {
                    events.append(event)
                }
            }
            if events.isEmpty, !hold.isHolding { continue }
            for event in events {
                if case .boardPage = event { trace?.rowsArrived() }
                for effect in state.reduce(event) { runner.run(effect) }
                if state.quitting { break }
            }
            if state.theme != appliedTheme {
                terminal.apply(state.theme)
                appliedTheme = state.theme
            }
            let waiting = state.screen.board.loading && state.screen.pane == .board
            guard hold.shouldDraw(waitingForRows: waiting, at: clock.now - origin) else { continue }
            if !state.quitting {
                let started = ContinuousClock.now
                let frame = Screen.render(state.screen)
                let rendered = ContinuousClock.now
                terminal.draw(frame)
                trace?.frameWritten(settled: !state.screen.board.loading && !state.screen.board.rows.isEmpty,
                                    render: rendered - started, draw: .now - rendered)
            }
        }
    }

    /// Runs the loop on its own thread and waits for it without blocking the async caller.
    static func start(session: Session, display: DisplaySettings = .standard) async throws {
        let config = session.config
        var screen = ScreenState(width: 80, height: 24, now: Int64(Date().timeIntervalSince1970),
                                 session: SessionInfo(user: config.user, role: config.role, driverId: config.driverId,
                                                      server: config.server))
        screen.utcOffset = Int64(TimeZone.current.secondsFromGMT())
        var state = AppState(screen: screen)
        // Open work first; the full history is F away (or `--all`).
        if !display.allLoads { state.screen.board.query = .openWorkFirst }
        state.themes = display.themes
        state.theme = display.theme
        if let message = display.message { state.screen.flash = Flash(.error, message) }
        let counts = try await session.mirror.queueCounts()
        state.screen.sync.pending = counts.pending
        state.screen.sync.conflicts = counts.conflicts
        state.screen.sync.lastSyncAt = try await session.mirror.state("last_sync_at").flatMap { Int64($0) }
        // A damaged views file is reported before curses starts and loses nothing: it is left as it is.
        state.screen.board.savedViews = try SavedViewStore(directory: session.directory).load()
        let loop = try AppLoop(session: session, state: state, display: display)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                do {
                    try loop.run()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "dispatch-ui"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
