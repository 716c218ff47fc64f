import Foundation
import Domain

/// Decoded loads by id and sequence number, shared by the pushes of one dispatchd.
///
/// JSON decoding of the loads a push reads was 40% of the server's CPU in a push (`perf` on
/// `dispatchd loadtest`), and dispatchers act on the same active loads again and again. A row
/// and its sequence number are immutable once committed, so an entry is either exactly the stored
/// row or ignored: another instance's write gives the row a new number. Only committed rows go
/// in (a rolled-back push could have its sequence number taken again by another).
final class LoadCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (seq: Int64, load: Load)] = [:]
    private let capacity: Int

    /// - Parameter capacity: loads kept; a full cache starts over (a few KB each).
    init(capacity: Int = 10_000) { self.capacity = capacity }

    /// The load as committed at `seq`, if it is kept.
    func load(_ id: String, seq: Int64) -> Load? {
        lock.withLock {
            guard let entry = entries[id], entry.seq == seq else { return nil }
            return entry.load
        }
    }

    /// The sequence number the cache holds `id` at (-1: none), for a fetch to skip its body.
    func seq(_ id: String) -> Int64 { lock.withLock { entries[id]?.seq ?? -1 } }

    /// Keeps committed loads.
    func remember(_ loads: some Sequence<(seq: Int64, load: Load)>) {
        lock.withLock {
            for (seq, load) in loads {
                if entries.count >= capacity, entries[load.id] == nil { entries.removeAll(keepingCapacity: true) }
                entries[load.id] = (seq, load)
            }
        }
    }
}
