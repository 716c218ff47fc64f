import Foundation
import Domain

/// Remembers, per board query, whether a radius alone walks the default order's index
/// (`prefersSortIndex`; text searches use row sets, `BoardPlan`).
///
/// The probe counts a radius match list up to 5,000 entries, about 1.5 ms on 1M loads,
/// and every page of the same query (each PgDn, each refresh) asked it again. The answer only
/// picks the faster of two correct plans, so an answer made stale by later syncs costs speed,
/// never rows; the cache is simply emptied when it fills.
final class PlanCache: @unchecked Sendable {
    private let lock = NSLock()
    private var walks: [BoardQuery: Bool] = [:]
    private let capacity = 64

    func walksSortIndex(_ query: BoardQuery, probe: () throws -> Bool) rethrows -> Bool {
        if let known = lock.withLock({ walks[query] }) { return known }
        let answer = try probe()
        lock.withLock {
            if walks.count >= capacity { walks.removeAll(keepingCapacity: true) }
            walks[query] = answer
        }
        return answer
    }
}
