/// Everything the detail view shows about one load, read from the mirror in one go.
public struct LoadDetail: Sendable, Hashable {
    public var load: Load
    /// Status events, oldest first.
    public var events: [StatusEvent]
    public var driver: Driver?
    public var carrier: Carrier?
    public var invoice: Invoice?
    public var payout: Payout?
    /// The best drivers for a posted load (empty once it is covered).
    public var bestDrivers: [DriverMatch]
    /// A local edit to this load is waiting for the server.
    public var pending: Bool

    public init(load: Load, events: [StatusEvent] = [], driver: Driver? = nil, carrier: Carrier? = nil,
                invoice: Invoice? = nil, payout: Payout? = nil, bestDrivers: [DriverMatch] = [], pending: Bool = false) {
        self.load = load
        self.events = events
        self.driver = driver
        self.carrier = carrier
        self.invoice = invoice
        self.payout = payout
        self.bestDrivers = bestDrivers
        self.pending = pending
    }
}
