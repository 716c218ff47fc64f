import Foundation
import Hummingbird
import CoreMetrics
import Domain

/// Per-token request budgets. Buckets idle long enough to be full again are dropped, so
/// the table stays the size of the active clients.
final class RateLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var buckets: [String: TokenBucket] = [:]
    private let rate: Double
    private let burst: Double
    private let start = ContinuousClock.now
    private var lastSweep = 0.0

    init(rate: Double, burst: Double) {
        self.rate = rate
        self.burst = burst
    }

    private var now: Double { (ContinuousClock.now - start).inSeconds }

    func take(_ key: String) -> (allowed: Bool, retryAfter: Double) {
        let now = self.now
        return lock.withLock {
            if now - lastSweep > 60 {
                let full = burst / rate
                buckets = buckets.filter { now - $0.value.updatedAt < full }
                lastSweep = now
            }
            var bucket = buckets[key] ?? TokenBucket(rate: rate, burst: burst, now: now)
            let result = bucket.take(now: now)
            buckets[key] = bucket
            return result
        }
    }
}

/// Answers 429 with `Retry-After` when a token spends its budget; runs after authentication.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let limiter: RateLimiter
    let metrics: ServerMetrics

    func handle(_ request: Request, context: AppContext,
                next: (Request, AppContext) async throws -> Response) async throws -> Response {
        let key = request.headers[.authorization] ?? "anonymous"
        let (allowed, retryAfter) = limiter.take(key)
        guard allowed else {
            metrics.rateLimited.increment()
            throw APIError.retryLater(after: retryAfter, ServerError.rateLimited(retryAfter:))
        }
        return try await next(request, context)
    }
}
