import Domain
import Sync
import Views

/// Everything that reaches the reducer, through one inbox: keys, the clock, the sync
/// engine, and the answers of effects.
enum AppEvent: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case tick(now: Int64)
    case sync(SyncEvent)
    case queueCounts(pending: Int, conflicts: Int)
    case boardPage(generation: Int, anchor: BoardAnchor, rows: [LoadSummary], limit: Int)
    case boardTotals(generation: Int, count: Int, averageRatePerMileCents: Int64, position: Int?)
    case map(pins: [MapPin], driverCount: Int)
    case carriers([Carrier])
    /// Payment totals and aging over every row of the mirror, and the carriers payouts name.
    case payments(carriers: [Carrier], aging: [Int64], totals: PaymentSums)
    /// A page of payouts (of the status filter the request was made under) or of invoices.
    case payoutsPage([Payout], WindowRequest<Payout>)
    case invoicesPage([Invoice], WindowRequest<Invoice>)
    case outbox(pending: [OutboxItem], conflicts: [OutboxItem])
    /// My loads, which have pending edits, their status events, and my last GPS fix.
    case driverLoads(loads: [Load], pending: Set<String>, events: [String: [StatusEvent]], position: ReportPlace.Fix?)
    case candidates(loadId: String, [DriverCandidate])
    case filterResolved(Result<BoardQuery, BoardInputError>)
    case detail(loadId: String, LoadDetail?)
    /// The full load the edit form opens on.
    case loadToEdit(loadId: String, Load?)
    case nearDriver(driverId: String, Driver?, miles: Int)
    case info(String)
    case failure(String)
}

/// Work the reducer asks for; the runner does it off the UI thread and answers with events.
enum Effect: Sendable, Equatable {
    case fetchBoard(BoardQuery, BoardAnchor, limit: Int, generation: Int)
    case fetchTotals(BoardQuery, selected: LoadSummary?, generation: Int)
    case fetchMap(selected: LoadSummary?)
    case fetchCarriers
    case fetchPayments
    case fetchPayouts(status: Payout.Status?, WindowRequest<Payout>)
    case fetchInvoices(WindowRequest<Invoice>)
    case fetchOutbox
    case fetchDriverLoads(driverId: String)
    case fetchCandidates(loadId: String, maxDeadheadMiles: Int)
    case mutate(Mutation)
    case syncNow
    case retryConflict(Int64)
    case discardConflict(Int64)
    /// Look up the centre of a city radius in the mirror.
    case resolveFilter(BoardQuery)
    case fetchDetail(loadId: String)
    case fetchLoadToEdit(loadId: String)
    /// Write the saved views to the data directory.
    case saveViews([SavedView])
    case findDriver(driverId: String, miles: Int)
}
