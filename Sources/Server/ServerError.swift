import Domain

/// Every error dispatchd reports, with the wording users and operators see, in one place.
public enum ServerError: Error, Sendable, CustomStringConvertible {
    case badRequest(code: String, message: String)
    case unauthorized
    case badCredentials
    case accountDisabled
    case conflict(code: String, message: String)
    case forbidden(String)
    case notFound(String)
    /// A method the path does not declare; `allowed` is what it does (the `Allow` header).
    case methodNotAllowed(method: String, allowed: [String])
    case payloadTooLarge(limit: Int)
    case unsupportedProtocol(Int?)
    case mutationGap(expected: Int64, got: Int64)
    case unknownCursor
    case rateLimited(retryAfter: Int)
    case loginThrottled(retryAfter: Int)
    case notReady(String)
    case clientOwnedByAnotherUser
    case storage(String)
    case seed(String)

    /// HTTP status for the wire.
    public var status: Int {
        switch self {
        case .badRequest, .mutationGap, .unknownCursor: 400
        case .unauthorized, .badCredentials: 401
        case .forbidden, .clientOwnedByAnotherUser, .accountDisabled: 403
        case .conflict: 409
        case .notFound: 404
        case .methodNotAllowed: 405
        case .payloadTooLarge: 413
        case .unsupportedProtocol: 426
        case .rateLimited, .loginThrottled: 429
        case .notReady: 503
        case .storage, .seed: 500
        }
    }

    /// Stable machine-readable code carried in the error body.
    public var code: String {
        switch self {
        case .badRequest(let code, _): code
        case .unauthorized: "unauthorized"
        case .badCredentials: "bad_credentials"
        case .accountDisabled: "account_disabled"
        case .conflict(let code, _): code
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .payloadTooLarge: "payload_too_large"
        case .unsupportedProtocol: "unsupported_protocol"
        case .mutationGap: "mutation_gap"
        case .unknownCursor: "unknown_cursor"
        case .rateLimited: "rate_limited"
        case .loginThrottled: "login_throttled"
        case .notReady: "not_ready"
        case .clientOwnedByAnotherUser: "client_id_taken"
        case .storage: "storage_error"
        case .seed: "seed_error"
        }
    }

    public var description: String {
        switch self {
        case .badRequest(_, let message): message
        case .unauthorized: "missing or expired token: log in again"
        case .badCredentials: "wrong user name or password"
        case .accountDisabled: "this login is disabled: ask your administrator"
        case .conflict(_, let message): message
        case .forbidden(let why): why
        case .notFound(let what): what
        case .methodNotAllowed(let method, let allowed): "\(method) is not allowed here; use \(allowed.joined(separator: " or "))"
        case .payloadTooLarge(let limit): "request body larger than \(limit / 1024) KiB"
        case .unsupportedProtocol(let version):
            "protocol version \(version.map(String.init) ?? "missing"); this server speaks \(ProtocolVersion.oldestSupported)–\(ProtocolVersion.current): upgrade dispatch"
        case .mutationGap(let expected, let got):
            "mutation ids must follow on: expected \(expected), got \(got); nothing was applied"
        case .clientOwnedByAnotherUser: "this client id belongs to another user"
        case .rateLimited(let seconds): "too many requests for this token; retry in \(seconds) s"
        case .loginThrottled(let seconds): "too many failed logins; retry in \(seconds) s"
        case .notReady(let why): "not ready: \(why)"
        case .unknownCursor: "this server never issued that cursor; pull without a cursor for a full snapshot"
        case .storage(let detail): "storage error: \(detail)"
        case .seed(let detail): detail
        }
    }

    public var body: ErrorBody { ErrorBody(code: code, message: description) }
}
