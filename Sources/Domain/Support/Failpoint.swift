import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Named crash points for the `kill -9` tests (as in FoundationDB's and TiKV's failpoints).
///
/// With `DISPATCH_FAILPOINT=name` in the environment, the process kills itself with SIGKILL
/// when it reaches `Failpoint.hit(name)`: no cleanup, no flush, exactly like `kill -9` at that
/// instruction. With `DISPATCH_FAILPOINT=name:sleep=MS` it stalls there instead, to hold a
/// request in flight (the graceful-shutdown test). Without the variable it is a comparison
/// against nil.
public enum Failpoint {
    static let armed: String? = ProcessInfo.processInfo.environment["DISPATCH_FAILPOINT"]

    public static func hit(_ name: String) {
        guard let armed, armed == name || armed.hasPrefix(name + ":") else { return }
        if let sleep = armed.split(separator: ":").dropFirst().first, sleep.hasPrefix("sleep="),
           let milliseconds = UInt32(sleep.dropFirst("sleep=".count)) {
            usleep(milliseconds * 1_000)
        } else {
            kill(getpid(), SIGKILL)
        }
    }
}
