/// Bounds on what one request may ask for.
public struct ServerLimits: Sendable {
    public var pageSize = 2_000
    public var maxPageSize = 10_000
    public var maxWaitSeconds = 60
    public var maxPushBytes = 1 << 20
    public var maxMutationsPerPush = 1_000
    public init() {}
}
