import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `dispatchd` binary, started the way an operator would.
enum Dispatchd {
    /// Starts `dispatchd serve` and returns its pid once it says where it listens.
    static func serve(db: String, port: Int, log: String,
                      environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> (pid: pid_t, port: Int) {
        let pid = try Spawn.start([Tmux.dispatchdBinary, "serve", "--db", db, "--port", String(port)],
                                  environment: environment, outputPath: log)
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let match = text.matches(of: /listening on http:\/\/127\.0\.0\.1:(\d+)/).last, let bound = Int(match.1) {
                return (pid, bound)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        Spawn.stop(pid)
        throw Spawn.Failure(description: "dispatchd did not start: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }
}
