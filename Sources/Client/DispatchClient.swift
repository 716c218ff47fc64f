import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Domain

/// Talks to one dispatchd over HTTP + JSON. Stateless apart from the token.
public struct DispatchClient: Sendable {
    public let server: URL
    public var token: String?
    let sessions: SessionPool

    /// - Parameter server: base URL such as `http://127.0.0.1:8080`.
    public init(server: String, token: String? = nil) throws(ClientError) {
        guard let url = URL(string: server), let scheme = url.scheme, scheme == "http" || scheme == "https",
              url.host != nil else {
            throw .badServerURL(server)
        }
        self.server = url
        self.token = token
        sessions = SessionPool()
    }

    public func login(user: String, password: String) async throws(ClientError) -> LoginResponse {
        try await send("POST", "/v1/login", body: LoginRequest(user: user, password: password), timeout: 15)
    }

    /// Revokes this client's token on the server.
    public func logout() async throws(ClientError) {
        _ = try await sendData("POST", "/v1/logout", query: [], body: nil as String?, timeout: 15)
    }

    /// One page of changes since `cursor`; with `wait` > 0 the server holds the request until something changes.
    public func pull(cursor: String?, clientId: String, limit: Int = 5_000, wait: Int = 0) async throws(ClientError) -> PullResponse {
        var items = [URLQueryItem(name: "clientId", value: clientId), URLQueryItem(name: "limit", value: String(limit))]
        if let cursor { items.append(URLQueryItem(name: "cursor", value: cursor)) }
        if wait > 0 { items.append(URLQueryItem(name: "wait", value: String(wait))) }
        return try await send("GET", "/v1/pull", query: items, timeout: TimeInterval(wait + 15))
    }

    /// The same pull, undecoded: the mirror keeps each row's JSON as the server sent it.
    public func pullData(cursor: String?, clientId: String, limit: Int = 10_000, wait: Int = 0) async throws(ClientError) -> Data {
        var items = [URLQueryItem(name: "clientId", value: clientId), URLQueryItem(name: "limit", value: String(limit))]
        if let cursor { items.append(URLQueryItem(name: "cursor", value: cursor)) }
        if wait > 0 { items.append(URLQueryItem(name: "wait", value: String(wait))) }
        return try await sendData("GET", "/v1/pull", query: items, body: nil as String?, timeout: TimeInterval(wait + 15))
    }

    /// - Parameter timeout: seconds without progress before giving up; the push is safe to
    ///   repeat, so a short timeout only costs a retry.
    public func push(_ request: PushRequest, timeout: TimeInterval = 30) async throws(ClientError) -> PushResponse {
        try await send("POST", "/v1/push", body: request, timeout: timeout)
    }

    /// Sends a batch of GPS pings.
    public func ingest(_ batch: PositionBatch) async throws(ClientError) -> PositionsResponse {
        try await send("POST", "/v1/positions", body: batch, timeout: 30)
    }

    public func health(timeout: TimeInterval = 5) async throws(ClientError) -> HealthResponse {
        try await send("GET", "/health", timeout: timeout)
    }

    func send<Response: Decodable>(_ method: String, _ path: String, query: [URLQueryItem] = [],
                                   body: (some Encodable)? = nil as String?, timeout: TimeInterval) async throws(ClientError) -> Response {
        let data = try await sendData(method, path, query: query, body: body, timeout: timeout)
        do {
            return try JSONDecoder.wire.decode(Response.self, from: data)
        } catch {
            throw .badResponse("\(path): \(error)")
        }
    }

    func sendData(_ method: String, _ path: String, query: [URLQueryItem],
                  body: (some Encodable)?, timeout: TimeInterval) async throws(ClientError) -> Data {
        var components = URLComponents(url: server.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        if !query.isEmpty { components?.queryItems = query }
        guard let url = components?.url else { throw .badServerURL(server.absoluteString) }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue(String(ProtocolVersion.current), forHTTPHeaderField: ProtocolVersion.header)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            do {
                request.httpBody = try JSONEncoder.wire.encode(body)
            } catch {
                throw .badResponse("could not encode the request: \(error)")
            }
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await DispatchClient.uncancellable(sessions.session(timeout: timeout), request)
        } catch {
            throw .unreachable(server: server.absoluteString, detail: ClientError.describe(error))
        }
        guard let http = response as? HTTPURLResponse else { throw .badResponse("not HTTP") }
        guard (200..<300).contains(http.statusCode) else {
            let detail = try? JSONDecoder.wire.decode(ErrorBody.self, from: data)
            let message = detail?.error.message ?? HTTPURLResponse.localizedString(forStatusCode: http.statusCode)
            switch http.statusCode {
            case 401: throw .unauthorized(message)
            case 429:
                let retryAfter = http.value(forHTTPHeaderField: "Retry-After").flatMap(Int.init) ?? 1
                throw .rateLimited(retryAfter: max(1, retryAfter))
            case 500...: throw .serverFailure(status: http.statusCode, message: message)
            default: throw .refused(status: http.statusCode, code: detail?.error.code ?? "http_\(http.statusCode)", message: message)
            }
        }
        return data
    }
}

extension ClientError {
    static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        switch ns.code {
        case NSURLErrorCannotConnectToHost: return "connection refused"
        case NSURLErrorTimedOut: return "timed out"
        case NSURLErrorCannotFindHost: return "unknown host"
        case NSURLErrorNetworkConnectionLost: return "connection lost"
        case NSURLErrorNotConnectedToInternet: return "no network"
        default: return ns.localizedDescription
        }
    }
}

extension DispatchClient {
    /// Runs a request in a task of its own, which the caller's cancellation does not reach.
    ///
    /// Cancelling an in-flight URLSession task on Linux can race its completion inside
    /// FoundationNetworking and kill the process ("Trying to access a behaviour for a task that in
    /// not in the registry", TaskRegistry.swift:118). A console died that way in CI when the server
    /// went away just as a long-poll was abandoned for an edit. So a request is never cancelled: a
    /// caller that gives up stops waiting (the engine abandons a long-poll by resuming without it),
    /// and the request ends by itself with the server's answer or the session's timeout.
    static func uncancellable(_ session: URLSession, _ request: URLRequest) async throws -> (Data, URLResponse) {
        try await Task { try await session.data(for: request) }.value
    }
}
