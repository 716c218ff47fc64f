import Domain

/// The load board: a window of rows around the selection, fetched page by page with keyset paging.
///
/// Only `rows` are in memory; `totalCount` and `selectedPosition` come from the
/// mirror so the scroll indicator can tell where in the whole list we are.
public struct BoardState: Sendable {
    public var query = BoardQuery()
    /// The loaded rows around the selection and their paging bookkeeping.
    public var window = RowWindow<LoadSummary>()
    /// The window of loaded rows, in sort order.
    public var rows: [LoadSummary] {
        get { window.rows }
        set { window.rows = newValue }
    }
    /// Index of the selected row within `rows`.
    public var selected: Int {
        get { window.selected }
        set { window.selected = newValue }
    }
    /// Index within `rows` of the first row on screen.
    public var top: Int {
        get { window.top }
        set { window.top = newValue }
    }
    /// Rows matching the query in the whole mirror, when counted.
    public var totalCount: Int?
    /// Position (0-based) of the selected row in the whole result, when known.
    public var selectedPosition: Int?
    /// Average rate per mile over the matching rows, when computed.
    public var averageRatePerMileCents: Int64?
    /// A page request is in flight.
    public var loading = false
    /// The user's saved views, and the one in force while the query is unchanged.
    public var savedViews: [SavedView] = []
    public var viewName: String?

    public init() {}

    public var selectedRow: LoadSummary? { window.selectedRow }
}

/// One pin on the map.
public struct MapPin: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case driver, pickup, delivery }
    public var kind: Kind
    public var lat: Double
    public var lon: Double
    public var label: String
    public init(kind: Kind, lat: Double, lon: Double, label: String) {
        self.kind = kind
        self.lat = lat
        self.lon = lon
        self.label = label
    }
}

/// The grid map: driver positions plus the selected load's pickup and delivery.
public struct MapState: Sendable {
    public var pins: [MapPin] = []
    /// Visible area; the whole lower 48 by default.
    public var minLat = 24.0, maxLat = 50.0, minLon = -125.0, maxLon = -66.0
    public var selectedLoad: LoadSummary?
    public var driverCount = 0
    /// A driver id the view stays centred on as its position syncs.
    public var follow: String?
    /// Show the board's loaded rows' origins (o) as well as the fleet.
    public var showLoads = true
    public init() {}
}

public struct VerificationState: Sendable {
    /// Every carrier in the mirror; `carriers` is what the filter keeps, in its order.
    public var all: [Carrier] = []
    public var carriers: [Carrier] = []
    public var selected = 0
    public var top = 0
    public var counts: [Verdict: Int] = [:]
    public var filter = CarrierFilter()
    public init() {}

    /// Applies the filter, keeping the selected carrier selected when it is still shown.
    public mutating func refilter(now: Int64) {
        let selectedId = carriers.indices.contains(selected) ? carriers[selected].id : nil
        carriers = filter.apply(all, now: now)
        counts = Dictionary(grouping: all, by: \.verdict).mapValues(\.count)
        selected = selectedId.flatMap { id in carriers.firstIndex { $0.id == id } } ?? min(selected, max(0, carriers.count - 1))
        top = min(top, selected)
    }
}

/// A queued or rejected mutation as shown in the Outbox pane.
public struct OutboxItem: Sendable, Hashable {
    public var id: Int64
    public var summary: String
    public var createdAt: Int64
    /// Set for a rejected mutation: why the server refused it.
    public var rejection: String?
    public init(id: Int64, summary: String, createdAt: Int64, rejection: String? = nil) {
        self.id = id
        self.summary = summary
        self.createdAt = createdAt
        self.rejection = rejection
    }
}

public struct OutboxState: Sendable {
    public var pending: [OutboxItem] = []
    public var conflicts: [OutboxItem] = []
    public var selected = 0
    public init() {}
}
