import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The UI loop's one queue of events. Any thread may post; posting writes a byte to a
/// self-pipe so the UI thread, asleep in `poll`, wakes without polling on a timer.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [AppEvent] = []
    private let pipeRead: Int32
    private let pipeWrite: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ConsoleError.terminal("cannot create the wake-up pipe") }
        pipeRead = fds[0]
        pipeWrite = fds[1]
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    deinit {
        close(pipeRead)
        close(pipeWrite)
    }

    var wakeFileDescriptor: Int32 { pipeRead }

    func post(_ event: AppEvent) {
        lock.lock()
        events.append(event)
        let first = events.count == 1
        lock.unlock()
        if first {
            var byte: UInt8 = 1
            _ = write(pipeWrite, &byte, 1)
        }
    }

    /// Everything posted so far, oldest first.
    func drain() -> [AppEvent] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(pipeRead, &buffer, buffer.count) > 0 {}
        lock.lock()
        defer { lock.unlock() }
        let taken = events
        events.removeAll(keepingCapacity: true)
        return taken
    }
}
