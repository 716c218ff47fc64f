import Domain

/// Everything that can go wrong talking to dispatchd, worded for the person at the console.
public enum ClientError: Error, Sendable, CustomStringConvertible, Equatable {
    /// No connection: refused, DNS, timeout. Edits stay queued.
    case unreachable(server: String, detail: String)
    /// The token is missing, wrong or expired.
    case unauthorized(String)
    /// The server refused the request itself (4xx) with its error body.
    case refused(status: Int, code: String, message: String)
    /// The server failed (5xx); worth retrying later.
    case serverFailure(status: Int, message: String)
    /// Too many requests for this token; the server says when to come back.
    case rateLimited(retryAfter: Int)
    /// The answer was not what the protocol says.
    case badResponse(String)
    case badServerURL(String)

    public var description: String {
        switch self {
        case .unreachable(let server, let detail): "cannot reach \(server): \(detail)"
        case .unauthorized(let message): "not signed in: \(message) (run `dispatch login`)"
        case .refused(_, _, let message): message
        case .serverFailure(let status, let message): "server error \(status): \(message)"
        case .rateLimited(let seconds): "the server asks to slow down; retrying in \(seconds) s"
        case .badResponse(let detail): "unexpected answer from the server: \(detail)"
        case .badServerURL(let url): "not a server URL: \(url) (expected e.g. http://127.0.0.1:8080)"
        }
    }

    /// Worth retrying with backoff (the queue must not be dropped).
    public var isTransient: Bool {
        switch self {
        case .unreachable, .serverFailure, .rateLimited: true
        default: false
        }
    }
}
