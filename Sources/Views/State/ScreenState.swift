import Domain

/// Everything the screen shows, in one value. The console's reducer owns and changes it;
/// `Screen.render` turns it into a `CellBuffer` without side effects.
public struct ScreenState: Sendable {
    public var width: Int
    public var height: Int
    /// Seconds since 1970, for ages ("synced 3s ago", "posted 2h").
    public var now: Int64
    /// Seconds east of UTC of the user's time zone, for "now, local" times (0 in tests).
    public var utcOffset: Int64 = 0
    public var session: SessionInfo
    public var pane: Pane
    public var board: BoardState
    public var map: MapState
    public var verification: VerificationState
    public var payments: PaymentsState
    public var outbox: OutboxState
    public var driverLoads: DriverLoadsState
    public var sync: SyncIndicator
    /// A modal on top of the pane, if any.
    public var dialog: Dialog?
    /// The `:` command line while it is open (text typed so far).
    public var commandLine: String?
    /// What Tab found when more than one completion fits, shown after the command line.
    public var commandCandidates: [String]
    /// One-line message at the bottom (info or error), cleared by the next key.
    public var flash: Flash?
    /// Use ASCII for borders and glyphs (non-UTF-8 locale).
    public var asciiOnly: Bool

    public init(width: Int, height: Int, now: Int64, session: SessionInfo) {
        self.width = width
        self.height = height
        self.now = now
        self.session = session
        self.pane = session.role == .driver ? .driverLoads : .board
        self.board = BoardState()
        self.map = MapState()
        self.verification = VerificationState()
        self.payments = PaymentsState()
        self.outbox = OutboxState()
        self.driverLoads = DriverLoadsState()
        self.sync = SyncIndicator()
        self.dialog = nil
        self.commandLine = nil
        self.commandCandidates = []
        self.flash = nil
        self.asciiOnly = false
    }

    /// The smallest terminal the layout supports (driver mode is narrower).
    public var minimumSize: (width: Int, height: Int) {
        session.role == .driver ? (40, 20) : (80, 24)
    }
}

public struct SessionInfo: Sendable, Hashable {
    public var user: String
    public var role: Role
    public var driverId: String?
    public var server: String
    public init(user: String, role: Role, driverId: String?, server: String) {
        self.user = user
        self.role = role
        self.driverId = driverId
        self.server = server
    }
}

/// The panes reachable with Tab and the number keys.
public enum Pane: String, Sendable, CaseIterable {
    case board, map, verification, payments, outbox
    /// Driver mode: my loads and the next stop.
    case driverLoads

    public var title: String {
        switch self {
        case .board: "Loads"
        case .map: "Map"
        case .verification: "Carriers"
        case .payments: "Payments"
        case .outbox: "Outbox"
        case .driverLoads: "My loads"
        }
    }

    public static func tabs(for role: Role) -> [Pane] {
        switch role {
        case .dispatcher: [.board, .map, .verification, .payments, .outbox]
        case .accounting: [.board, .verification, .payments, .outbox]
        case .driver: [.driverLoads, .outbox]
        }
    }
}

/// What the status bar says about the connection and the queue.
public struct SyncIndicator: Sendable, Hashable {
    public var online: Bool = false
    /// Mutations queued locally and not yet confirmed.
    public var pending: Int = 0
    public var conflicts: Int = 0
    public var lastSyncAt: Int64?
    /// A short reason when offline ("server unreachable", "signed out").
    public var detail: String?
    /// A snapshot or first sync in progress: rows done and total.
    public var progress: Progress?

    public struct Progress: Sendable, Hashable {
        public var done: Int
        public var total: Int
        /// Estimated from the rate so far; nil until there is a rate.
        public var secondsLeft: Int?
        public init(done: Int, total: Int, secondsLeft: Int? = nil) {
            self.done = done
            self.total = total
            self.secondsLeft = secondsLeft
        }
    }

    public init() {}
}

public struct Flash: Sendable, Hashable {
    public enum Kind: Sendable { case info, error }
    public var kind: Kind
    public var text: String
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
