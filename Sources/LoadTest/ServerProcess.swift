import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `dispatchd serve` child process on loopback, so the load tool measures the server's own
/// memory, not its own.
final class ServerProcess {
    let pid: pid_t
    let port: Int
    let log: String

    /// Starts `binary serve …` and waits until it says where it listens.
    init(binary: String, arguments: [String], log: String) async throws {
        self.log = log
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([binary, "serve"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        guard posix_spawn(&child, binary, &actions, nil, argv, environ) == 0 else {
            throw LoadTestError("cannot start \(binary)")
        }
        pid = child
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let match = text.firstMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)/), let bound = Int(match.1) {
                port = bound
                return
            }
            var status: Int32 = 0
            if waitpid(child, &status, WNOHANG) == child {
                throw LoadTestError("dispatchd exited at start: \(text.suffix(400))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(child, SIGKILL)
        throw LoadTestError("dispatchd did not start within 30 s (log: \(log))")
    }

    /// Resident and peak resident memory, in MiB, from /proc.
    func memory() -> (rss: Double, peak: Double) {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
                  let kib = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return 0 }
            return kib / 1024
        }
        return (field("VmRSS"), field("VmHWM"))
    }

    /// CPU seconds (user + system) a process has used so far.
    static func cpuSeconds(of pid: pid_t) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// SIGTERM, then the exit status (graceful shutdown), or SIGKILL after 10 s.
    func stop() {
        kill(pid, SIGTERM)
        for _ in 0 ..< 200 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}

public struct LoadTestError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
