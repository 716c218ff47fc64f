/// A row removed from the caller's view since its cursor.
public struct Tombstone: Codable, Sendable, Hashable {
    public var table: String
    public var id: String
    public init(table: String, id: String) {
        self.table = table
        self.id = id
    }
}

/// Why a pull answered with a full snapshot.
public enum ResetReason: String, Codable, Sendable {
    /// No cursor: a first sync.
    case initial
    /// The cursor is older than the tombstone horizon: deletions it would need are gone.
    case expired
    /// The cursor came from another database (a restore, a reseeded demo).
    case newDatabase = "new_database"
}

/// `GET /v1/pull?cursor=…&limit=…&wait=…&clientId=…`
///
/// Each changed row appears at most once, at its latest version. A page never
/// splits a server transaction. Empty collections are left out of the JSON so
/// a no-op pull stays a few dozen bytes.
public struct PullResponse: Codable, Sendable {
    /// Opaque; send it back on the next pull.
    public var cursor: String
    public var hasMore: Bool
    /// The cursor was empty, unknown or expired: this is the start of a full snapshot and the
    /// client must drop its server state (keeping its outbox) before applying it.
    public var reset: Bool
    public var resetReason: ResetReason?
    /// The highest mutation id of the calling client that the server has consumed.
    public var lastMutationId: Int64
    public var serverTime: Int64
    /// Rows left in this snapshot or catch-up after this page, when known (for progress).
    public var remaining: Int?
    public var loads: [Load]
    public var drivers: [Driver]
    public var carriers: [Carrier]
    public var events: [StatusEvent]
    public var invoices: [Invoice]
    public var payouts: [Payout]
    public var deleted: [Tombstone]

    public init(cursor: String, hasMore: Bool, reset: Bool, lastMutationId: Int64, serverTime: Int64,
                remaining: Int? = nil, loads: [Load] = [], drivers: [Driver] = [], carriers: [Carrier] = [],
                events: [StatusEvent] = [], invoices: [Invoice] = [], payouts: [Payout] = [],
                deleted: [Tombstone] = []) {
        self.cursor = cursor
        self.hasMore = hasMore
        self.reset = reset
        self.lastMutationId = lastMutationId
        self.serverTime = serverTime
        self.remaining = remaining
        self.loads = loads
        self.drivers = drivers
        self.carriers = carriers
        self.events = events
        self.invoices = invoices
        self.payouts = payouts
        self.deleted = deleted
    }

    public var rowCount: Int {
        loads.count + drivers.count + carriers.count + events.count + invoices.count + payouts.count + deleted.count
    }

    enum CodingKeys: String, CodingKey {
        case cursor, hasMore, reset, resetReason, lastMutationId, serverTime, remaining
        case loads, drivers, carriers, events, invoices, payouts, deleted
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cursor = try c.decode(String.self, forKey: .cursor)
        hasMore = try c.decodeIfPresent(Bool.self, forKey: .hasMore) ?? false
        reset = try c.decodeIfPresent(Bool.self, forKey: .reset) ?? false
        resetReason = try c.decodeIfPresent(ResetReason.self, forKey: .resetReason)
        lastMutationId = try c.decodeIfPresent(Int64.self, forKey: .lastMutationId) ?? 0
        serverTime = try c.decodeIfPresent(Int64.self, forKey: .serverTime) ?? 0
        remaining = try c.decodeIfPresent(Int.self, forKey: .remaining)
        loads = try c.decodeIfPresent([Load].self, forKey: .loads) ?? []
        drivers = try c.decodeIfPresent([Driver].self, forKey: .drivers) ?? []
        carriers = try c.decodeIfPresent([Carrier].self, forKey: .carriers) ?? []
        events = try c.decodeIfPresent([StatusEvent].self, forKey: .events) ?? []
        invoices = try c.decodeIfPresent([Invoice].self, forKey: .invoices) ?? []
        payouts = try c.decodeIfPresent([Payout].self, forKey: .payouts) ?? []
        deleted = try c.decodeIfPresent([Tombstone].self, forKey: .deleted) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cursor, forKey: .cursor)
        if hasMore { try c.encode(hasMore, forKey: .hasMore) }
        if reset { try c.encode(reset, forKey: .reset) }
        try c.encodeIfPresent(resetReason, forKey: .resetReason)
        try c.encode(lastMutationId, forKey: .lastMutationId)
        try c.encode(serverTime, forKey: .serverTime)
        try c.encodeIfPresent(remaining, forKey: .remaining)
        if !loads.isEmpty { try c.encode(loads, forKey: .loads) }
        if !drivers.isEmpty { try c.encode(drivers, forKey: .drivers) }
        if !carriers.isEmpty { try c.encode(carriers, forKey: .carriers) }
        if !events.isEmpty { try c.encode(events, forKey: .events) }
        if !invoices.isEmpty { try c.encode(invoices, forKey: .invoices) }
        if !payouts.isEmpty { try c.encode(payouts, forKey: .payouts) }
        if !deleted.isEmpty { try c.encode(deleted, forKey: .deleted) }
    }
}
