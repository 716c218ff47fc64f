/// What the sync engine tells the console while it runs.
public enum SyncEvent: Sendable {
    /// Reached the server (or not), with a short reason when not.
    case connection(online: Bool, detail: String?)
    /// The mirror changed: re-read what is on screen.
    case mirrorChanged
    /// A snapshot or catch-up is in progress: rows applied and rows in all.
    case progress(done: Int, total: Int, secondsLeft: Int?)
    /// A pull finished: the mirror is current as of now.
    case synced(at: Int64)
    /// The server refused queued edits; they are listed under conflicts.
    case rejected([String])
    /// Something the user should know about the sync itself (a full resync and why).
    case notice(String)
}

/// How patiently the engine talks to the server.
public struct SyncTiming: Sendable {
    /// Full-jitter backoff after a failure, while the breaker is closed.
    public var backoffBase = 0.25
    public var backoffCap = 1.5
    /// A push is safe to repeat, so a short timeout costs only a retry.
    public var pushTimeout = 5.0
    /// Failures in a row that open the breaker.
    public var breakerThreshold = 3
    /// While open, a health probe starts this often; each gives up after `probeTimeout`.
    public var probeInterval = 0.5
    public var probeTimeout = 1.5
    public var longPollSeconds = 25

    public init() {}
}

/// What one `dispatch sync` did.
public struct SyncReport: Sendable, Codable {
    public var pushed = 0
    public var applied = 0
    public var rejected: [String] = []
    public var pulledRows = 0
    public var pages = 0
    public var reset = false
    public var pending = 0
    public var seconds = 0.0
    /// Time spent waiting for and decoding pull pages, and applying them to the mirror.
    public var pullSeconds = 0.0
    public var applySeconds = 0.0
    /// Things to tell the user, such as a full resync and its reason.
    public var notices: [String] = []
    public init() {}
}
