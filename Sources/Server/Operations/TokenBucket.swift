/// A token bucket: `rate` requests per second on average, bursts up to `burst`.
///
/// A pure value over a caller-supplied clock (seconds), so tests drive it without sleeping.
public struct TokenBucket: Sendable, Equatable {
    public let rate: Double
    public let burst: Double
    public private(set) var tokens: Double
    public private(set) var updatedAt: Double

    public init(rate: Double, burst: Double, now: Double) {
        self.rate = rate
        self.burst = burst
        tokens = burst
        updatedAt = now
    }

    /// Takes one token if there is one; otherwise says how many seconds until there will be.
    public mutating func take(now: Double) -> (allowed: Bool, retryAfter: Double) {
        tokens = min(burst, tokens + max(0, now - updatedAt) * rate)
        updatedAt = max(updatedAt, now)
        if tokens >= 1 {
            tokens -= 1
            return (true, 0)
        }
        return (false, (1 - tokens) / rate)
    }
}

extension TokenBucket {
    /// Seconds until a token will be there (0: one is there now), without taking it.
    public func wait(now: Double) -> Double {
        let available = min(burst, tokens + max(0, now - updatedAt) * rate)
        return available >= 1 ? 0 : (1 - available) / rate
    }
}
