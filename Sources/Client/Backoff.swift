/// Exponential backoff with full jitter (AWS style): wait a random time in [0, min(cap, base·2^attempt)].
public struct Backoff: Sendable {
    public var base: Double
    public var cap: Double
    public private(set) var attempt = 0

    public init(base: Double = 0.25, cap: Double = 30) {
        self.base = base
        self.cap = cap
    }

    /// Seconds to wait before the next try; grows with each call.
    public mutating func next(using random: inout some RandomNumberGenerator) -> Double {
        let ceiling = min(cap, base * Double(1 << min(attempt, 20)))
        attempt += 1
        return Double.random(in: 0...ceiling, using: &random)
    }

    public mutating func next() -> Double {
        var random = SystemRandomNumberGenerator()
        return next(using: &random)
    }

    public mutating func reset() { attempt = 0 }
}
