/// What a load changing hands does to drivers' scopes (ElectricSQL calls this move-out /
/// move-in), decided once; each store executes it in its own transaction.
///
/// A driver's feed is "my driver row, my loads and their events". When a load is reassigned,
/// the old driver must be told to delete it and its events (scope exits at the change's
/// sequence number), and the new driver must receive the events even though they did not
/// change (they take the sequence number again), losing any pending exit of them.
struct ScopeMove: Sendable, Hashable {
    let loadId: String
    /// The driver that must delete the load and its events.
    let exitFor: String?
    /// The driver that gets the load and its events.
    let enterFor: String?
    let sequence: Int64
    let now: Int64

    /// Nil when the driver did not change: nobody's scope moves.
    init?(loadId: String, from old: String?, to new: String?, sequence: Int64, now: Int64) {
        guard old != new else { return nil }
        self.loadId = loadId
        exitFor = old
        enterFor = new
        self.sequence = sequence
        self.now = now
    }
}
