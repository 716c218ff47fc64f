/// Stops sending real requests to a server that keeps failing, and probes it cheaply instead.
///
/// Closed: requests flow; failures back off with jitter. After `threshold` failures in a row
/// it opens: no syncing, only health probes, each on a fresh connection, started every
/// `probeInterval` seconds without waiting for the one before (a probe stuck in a network
/// partition must not delay noticing that the partition healed). The first probe that
/// answers half-opens it: one real request decides between closed and open again.
///
/// A pure state machine over a caller-supplied clock, so tests drive it without sleeping.
public struct CircuitBreaker: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        case closed
        case open(since: Double)
        case halfOpen
    }

    public let threshold: Int
    public let probeInterval: Double
    public private(set) var state: State = .closed
    public private(set) var consecutiveFailures = 0

    public init(threshold: Int = 3, probeInterval: Double = 0.5) {
        self.threshold = max(1, threshold)
        self.probeInterval = probeInterval
    }

    /// Whether a real request (push, pull) may be sent now.
    public var allowsRequests: Bool { state != .closed ? state == .halfOpen : true }

    public var isOpen: Bool {
        if case .open = state { return true }
        return false
    }

    public mutating func recordSuccess() {
        consecutiveFailures = 0
        state = .closed
    }

    public mutating func recordFailure(now: Double) {
        consecutiveFailures += 1
        if state == .halfOpen || consecutiveFailures >= threshold {
            state = .open(since: now)
        }
    }

    /// A health probe answered: let one real request through.
    public mutating func probeSucceeded() {
        if isOpen { state = .halfOpen }
    }
}
