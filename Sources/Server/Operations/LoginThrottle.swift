import Foundation
import Domain

/// Failed logins allowed per user name and per client address before `POST /v1/login` answers
/// 429 with `Retry-After`, so a password cannot be guessed at network speed.
///
/// Each key has a bucket of failures: a user name gets 5 at once and one more a minute, an
/// address 20 at once and one more every 6 s (an office behind one NAT shares it). Only failures
/// spend; a success clears the user's bucket. While either bucket is empty every attempt is
/// refused before the password is checked, the right password included. A pure value over a
/// caller's clock (seconds), so tests drive it without sleeping.
public struct LoginThrottle: Sendable {
    public struct Policy: Sendable {
        public var burst: Double
        public var perSecond: Double
        public init(burst: Double, perSecond: Double) {
            self.burst = burst
            self.perSecond = perSecond
        }
    }

    public var user = Policy(burst: 5, perSecond: 1.0 / 60)
    public var address = Policy(burst: 20, perSecond: 1.0 / 6)
    private var buckets: [String: TokenBucket] = [:]

    public init() {}

    /// Seconds before this user may try again from this address; 0: now.
    public func retryAfter(user name: String, address ip: String, now: Double) -> Double {
        max(buckets[Self.userKey(name)]?.wait(now: now) ?? 0, buckets[Self.addressKey(ip)]?.wait(now: now) ?? 0)
    }

    public mutating func failed(user name: String, address ip: String, now: Double) {
        spend(Self.userKey(name), user, now: now)
        spend(Self.addressKey(ip), address, now: now)
        if buckets.count > 50_000 { sweep(now: now) }
    }

    public mutating func succeeded(user name: String) {
        buckets[Self.userKey(name)] = nil
    }

    /// Keys tracked now (for tests: the table does not grow without bound).
    public var trackedKeys: Int { buckets.count }

    private mutating func spend(_ key: String, _ policy: Policy, now: Double) {
        var bucket = buckets[key] ?? TokenBucket(rate: policy.perSecond, burst: policy.burst, now: now)
        _ = bucket.take(now: now)
        buckets[key] = bucket
    }

    /// Drops buckets that have refilled: they would allow the same as no bucket.
    mutating func sweep(now: Double) {
        buckets = buckets.filter { now - $0.value.updatedAt < $0.value.burst / $0.value.rate }
    }

    private static func userKey(_ name: String) -> String { "u:" + name.lowercased() }
    private static func addressKey(_ ip: String) -> String { "a:" + ip }
}

/// The server's one throttle, shared by every login request.
final class LoginGuard: @unchecked Sendable {
    private let lock = NSLock()
    private var throttle = LoginThrottle()
    private let start = ContinuousClock.now
    private var now: Double { (ContinuousClock.now - start).inSeconds }

    func retryAfter(user: String, address: String) -> Double {
        let now = self.now
        return lock.withLock { throttle.retryAfter(user: user, address: address, now: now) }
    }

    func failed(user: String, address: String) {
        let now = self.now
        lock.withLock { throttle.failed(user: user, address: address, now: now) }
    }

    func succeeded(user: String) {
        lock.withLock { throttle.succeeded(user: user) }
    }
}
