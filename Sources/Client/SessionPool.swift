import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One URLSession per timeout.
///
/// On Linux, URLSession (over libcurl) applies the session's `timeoutIntervalForRequest` and
/// ignores `URLRequest.timeoutInterval`, measured here: a request with a 3 s timeout on a
/// 20 s session waited 20 s. A push or a health probe must give up quickly while a long-poll
/// must wait, so each timeout gets its own session.
final class SessionPool: @unchecked Sendable {
    private let lock = NSLock()
    private var sessions: [Int: URLSession] = [:]

    func session(timeout: TimeInterval) -> URLSession {
        let key = Int((timeout * 10).rounded())
        return lock.withLock {
            if let session = sessions[key] { return session }
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = timeout
            configuration.httpMaximumConnectionsPerHost = 4
            let session = URLSession(configuration: configuration)
            sessions[key] = session
            return session
        }
    }

    deinit {
        for session in sessions.values { session.finishTasksAndInvalidate() }
    }
}
