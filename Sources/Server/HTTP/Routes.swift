import Foundation
import Hummingbird
import Domain
import CoreMetrics

/// The HTTP API of dispatchd. docs/protocol.md describes the wire format.
struct Routes {
    let store: any Store
    let hub: ChangeHub
    let limits: ServerLimits
    let metrics: ServerMetrics
    let gpsRetention: Int64
    let pages = PageCache()
    let logins = LoginGuard()

    /// Every path the API declares and its methods, as docs/openapi.yaml lists them; any other
    /// method on these paths is answered 405 with `Allow` by `MethodNotAllowedMiddleware`.
    static let declared: [(path: String, methods: [HTTPRequest.Method])] = [
        ("/health", [.get]), ("/ready", [.get]), ("/metrics", [.get]), ("/v1/login", [.post]),
        ("/v1/pull", [.get]), ("/v1/push", [.post]), ("/v1/positions", [.post]), ("/v1/logout", [.post]),
    ]

    func register(on router: Router<AppContext>, tokens: TokenCache) {
        router.get("/health") { _, _ in
            try json(HealthResponse(status: "ok", protocolVersion: ProtocolVersion.current, serverTime: now()))
        }
        router.get("/ready") { _, _ in
            try await store.checkReady()
            return try json(HealthResponse(status: "ready", protocolVersion: ProtocolVersion.current, serverTime: now()))
        }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(bytes: metrics.render())))
        }
        router.post("/v1/login") { request, context in
            try ProtocolCheck.check(request)
            let login = try await decode(LoginRequest.self, request, context, limit: 16 * 1024)
            return try json(try await self.login(login, from: context.remoteAddress ?? "unknown"))
        }
        var api = router.group("v1").add(middleware: AuthMiddleware(store: store, tokens: tokens, lifetime: limits.tokenLifetime))
        if limits.requestsPerSecond > 0 {
            api = api.add(middleware: RateLimitMiddleware(limiter: RateLimiter(rate: limits.requestsPerSecond,
                                                                               burst: limits.requestBurst),
                                                          metrics: metrics))
        }
        api.get("pull") { request, context in try await pull(request, context) }
        api.post("push") { request, context in try await push(request, context) }
        api.post("positions") { request, context in try await positions(request, context) }
        api.post("logout") { request, _ in
            // AuthMiddleware has checked the header and the token.
            let token = String((request.headers[.authorization] ?? "").dropFirst("Bearer ".count))
            try await store.logout(token: token)
            tokens.forget(token)
            return Response(status: .noContent)
        }
    }

    /// Checks the throttle before the password, so a locked-out user is refused even with the
    /// right one; only wrong passwords spend it.
    func login(_ login: LoginRequest, from address: String) async throws -> LoginResponse {
        let wait = logins.retryAfter(user: login.user, address: address)
        if wait > 0 {
            metrics.rateLimited.increment()
            throw APIError.retryLater(after: wait, ServerError.loginThrottled(retryAfter:))
        }
        do {
            let response = try await store.login(user: login.user, password: login.password)
            logins.succeeded(user: login.user)
            return response
        } catch ServerError.badCredentials {
            logins.failed(user: login.user, address: address)
            throw ServerError.badCredentials
        }
    }

    func pull(_ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let query = request.uri.queryParameters
        let cursor = query["cursor"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let clientId = query["clientId"].map(String.init)
        let limit = try number(query["limit"].map(String.init), name: "limit", default: limits.pageSize,
                               range: 1...limits.maxPageSize)
        let wait = try number(query["wait"].map(String.init), name: "wait", default: 0, range: 0...limits.maxWaitSeconds)
        let deadline = ContinuousClock.now + .seconds(wait)
        metrics.pulls.increment()
        let scope = PageCache.scope(of: actor)
        let store = self.store
        while true {
            let head = hub.latestSequence
            var page = try await pages.page(.init(scope: scope, cursor: cursor ?? "", limit: limit, head: head)) {
                try await store.pull(actor: actor, clientId: nil, cursor: cursor, limit: limit)
            }
            if let clientId {
                page.lastMutationId = try await metrics.storeCall {
                    try await store.lastMutationId(clientId: clientId, user: actor.user, asOf: page.sequence)
                }
            }
            if !page.isEmpty || page.reset || wait == 0 || ContinuousClock.now >= deadline || hub.isClosed {
                return Response(status: .ok, headers: [.contentType: "application/json"],
                                body: .init(byteBuffer: ByteBuffer(bytes: page.json(serverTime: now()))))
            }
            metrics.longPollWaiters.increment()
            await hub.wait(after: page.sequence, timeout: deadline - ContinuousClock.now)
            metrics.longPollWaiters.decrement()
        }
    }

    func push(_ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let body = try await decode(PushRequest.self, request, context, limit: limits.maxPushBytes)
        guard body.mutations.count <= limits.maxMutationsPerPush else {
            throw APIError(ServerError.badRequest(code: "too_many_mutations",
                                                  message: "at most \(limits.maxMutationsPerPush) mutations per push"))
        }
        if let refused = body.mutations.first(where: { !$0.mutation.isAllowed(for: actor.role) }) {
            throw APIError(ServerError.forbidden("mutation \(refused.id): a \(actor.role.rawValue) may not \(refused.mutation.name); nothing was applied"))
        }
        let response = try await metrics.storeCall { try await store.push(actor: actor, request: body, now: now()) }
        var summary = PushResponseSummary()
        for result in response.results {
            if result.replayed { summary.replayed += 1 } else if result.status == .rejected { summary.rejected += 1 }
            else if result.status == .applied { summary.applied += 1 }
        }
        metrics.record(summary)
        if summary.applied > 0 {
            await hub.notify(sequence: try await store.currentSequence())
        }
        return try json(response)
    }

    func positions(_ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let batch = try await decode(PositionBatch.self, request, context, limit: limits.maxPositionBytes)
        let now = now()
        if let problem = batch.problem(now: now, oldest: now - gpsRetention) {
            throw APIError(ServerError.badRequest(code: "bad_ping", message: problem))
        }
        let response = try await metrics.storeCall { try await store.ingest(actor: actor, batch: batch, now: now) }
        metrics.pings.increment(by: response.accepted)
        if response.driversUpdated > 0 {
            await hub.notify(sequence: try await store.currentSequence())
        }
        return try json(response)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: AppContext,
                                      limit: Int) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw APIError(ServerError.payloadTooLarge(limit: limit))
        }
        do {
            return try JSONDecoder.wire.decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError(ServerError.badRequest(code: "bad_json", message: Routes.describe(error)))
        }
    }

    /// A decoding failure in words a client developer can act on, without internals.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "body" : String(keys.drop { $0 == "." })
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(type)"
        case .valueNotFound(_, let context): return "\(path(context)): value missing"
        case .keyNotFound(let key, let context):
            let base = path(context)
            return base == "body" ? "missing field \(key.stringValue)" : "\(base): missing field \(key.stringValue)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "malformed JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default: return "malformed JSON"
        }
    }

    private func number(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError(ServerError.badRequest(code: "bad_parameter",
                                                  message: "\(name) must be a whole number in \(range.lowerBound)...\(range.upperBound)"))
        }
        return number
    }

    private func json(_ value: some Encodable) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder.wire.encode(value))))
    }
}

func now() -> Int64 { Int64(Date().timeIntervalSince1970) }
