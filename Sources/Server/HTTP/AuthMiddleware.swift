import Foundation
import Hummingbird
import Domain

/// Checks the protocol version and the bearer token of every /v1 request except login.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let store: any Store
    let tokens: TokenCache
    /// Seconds a token stays valid after login.
    let lifetime: Int64

    func handle(_ request: Request, context: AppContext,
                next: (Request, AppContext) async throws -> Response) async throws -> Response {
        try ProtocolCheck.check(request)
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw APIError(ServerError.unauthorized)
        }
        let token = String(header.dropFirst("Bearer ".count))
        var context = context
        if let cached = tokens.actor(for: token) {
            context.actor = cached
        } else if let actor = try await store.authenticate(
            token: token, issuedAfter: Int64(Date().timeIntervalSince1970) - lifetime) {
            tokens.remember(token, actor)
            context.actor = actor
        } else {
            throw APIError(ServerError.unauthorized)
        }
        return try await next(request, context)
    }
}

/// Tokens seen recently, so 10,000 long-polls do not each hit the database to authenticate.
/// An entry is trusted for a minute, so an expired token is refused within a minute. A lock,
/// not an actor: every request passes here, and a hop to an actor costs a thread switch.
final class TokenCache: @unchecked Sendable {
    private let lock = NSLock()
    private var actors: [String: (actor: Actor, at: ContinuousClock.Instant)] = [:]
    func actor(for token: String) -> Actor? {
        lock.withLock {
            guard let entry = actors[token], ContinuousClock.now - entry.at < .seconds(60) else { return nil }
            return entry.actor
        }
    }
    /// Drops a revoked token at once; other instances trust their entry for at most a minute.
    func forget(_ token: String) {
        lock.withLock { _ = actors.removeValue(forKey: token) }
    }
    func remember(_ token: String, _ actor: Actor) {
        lock.withLock {
            if actors.count > 100_000 { actors.removeAll() }
            actors[token] = (actor, .now)
        }
    }
}

enum ProtocolCheck {
    /// A request without the header is taken as the current version (curl, health checks);
    /// an older or newer version than we speak is refused with an explicit error.
    static func check(_ request: Request) throws {
        let header = ProtocolVersion.header.lowercased()
        guard let value = request.headers.first(where: { $0.name.canonicalName == header })?.value else { return }
        guard let version = Int(value), version >= ProtocolVersion.oldestSupported,
              version <= ProtocolVersion.current else {
            throw APIError(ServerError.unsupportedProtocol(Int(value)))
        }
    }
}
