import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP proxy on loopback between a console and dispatchd that can misbehave on demand,
/// so tests show what the client does when the network does.
///
/// Every connection is pumped by its own thread with `poll`; the mode is read on every turn.
final class FaultProxy: @unchecked Sendable {
    enum Mode: Sendable, Equatable {
        /// Bytes flow both ways.
        case forward
        /// New and existing connections are closed at once (a refused or reset connection).
        case refuse
        /// Connections are accepted and held but nothing is forwarded (a partition).
        case blackhole
        /// Requests reach the server, but the connection is closed as soon as the answer
        /// starts to come back: the server acted, the client never hears of it.
        case dropResponses
    }

    let port: Int
    private var _upstreamPort: Int
    private let listener: Int32
    private let lock = NSLock()
    private var _mode: Mode = .forward
    private var _stopped = false
    private var _droppedResponses = 0

    var mode: Mode {
        get { lock.withLock { _mode } }
        set { lock.withLock { _mode = newValue } }
    }

    /// Where dispatchd listens (it may move when restarted).
    var upstreamPort: Int {
        get { lock.withLock { _upstreamPort } }
        set { lock.withLock { _upstreamPort = newValue } }
    }

    /// Responses thrown away in `.dropResponses` mode.
    var droppedResponses: Int { lock.withLock { _droppedResponses } }

    private var stopped: Bool { lock.withLock { _stopped } }

    var url: String { "http://127.0.0.1:\(port)" }

    init(upstreamPort: Int) throws {
        _upstreamPort = upstreamPort
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = FaultProxy.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    func stop() {
        lock.withLock { _stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private func acceptLoop() {
        while !stopped {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { if stopped { return } else { continue } }
            let thread = Thread { [self] in pump(client) }
            thread.start()
        }
    }

    private func pump(_ client: Int32) {
        defer { close(client) }
        if mode == .refuse { FaultProxy.reset(client); return }
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(upstream) }
        var address = FaultProxy.loopback(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var fds = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: upstream, events: Int16(POLLIN), revents: 0)]
        while !stopped {
            let mode = self.mode
            if mode == .refuse { FaultProxy.reset(client); return }
            if mode == .blackhole {
                usleep(20_000)
                continue
            }
            fds[0].revents = 0
            fds[1].revents = 0
            guard poll(&fds, 2, 50) >= 0 else { return }
            if fds[0].revents != 0 {
                let n = read(client, &buffer, buffer.count)
                if n <= 0 || !writeAll(upstream, buffer, n) { return }
            }
            if fds[1].revents != 0 {
                let n = read(upstream, &buffer, buffer.count)
                if n <= 0 { return }
                if self.mode == .dropResponses {
                    lock.withLock { _droppedResponses += 1 }
                    FaultProxy.reset(client)
                    return
                }
                if !writeAll(client, buffer, n) { return }
            }
        }
    }

    /// Makes the coming `close` send a reset, as a dropped connection does, instead of an orderly end.
    private static func reset(_ fd: Int32) {
        var abort = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort, socklen_t(MemoryLayout<linger>.size))
    }

    private func writeAll(_ fd: Int32, _ buffer: [UInt8], _ count: Int) -> Bool {
        var sent = 0
        while sent < count {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + sent, count - sent) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }
}
