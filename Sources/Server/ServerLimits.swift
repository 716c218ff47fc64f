/// Bounds on what one request may ask for.
public struct ServerLimits: Sendable {
    public var pageSize = 2_000
    public var maxPageSize = 10_000
    public var maxWaitSeconds = 60
    public var maxPushBytes = 1 << 20
    public var maxMutationsPerPush = 1_000
    public var maxPositionBytes = 1 << 20
    /// Requests per second per token on average, and the burst allowed above it; 0 turns it off.
    public var requestsPerSecond = 50.0
    public var requestBurst = 200.0
    /// Seconds a bearer token is accepted after login (30 days); then `401`, and the console asks to log in again.
    public var tokenLifetime: Int64 = 30 * 86_400
    public init() {}
}
