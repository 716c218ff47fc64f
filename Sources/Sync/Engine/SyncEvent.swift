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
    public init() {}
}
