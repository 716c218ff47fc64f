import Foundation

/// Keeps only the newest of a kind of background task, tagged with the board generation it
/// belongs to: a newer one replaces it, and a newer query cancels it as soon as it starts.
///
/// Used for the board's totals, which read every match (75 ms at 1M loads): each sort key
/// started one, and the earlier queries kept a core busy while the next page was asked for.
/// GRDB interrupts a cancelled read, so the superseded query stops where it is.
final class LatestTask: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?
    private var generation = Int.min

    func replace(with task: Task<Void, Never>, generation: Int) {
        lock.withLock {
            self.task?.cancel()
            self.task = task
            self.generation = generation
        }
    }

    /// Cancels the task if it belongs to an older generation than `generation`.
    func cancel(olderThan generation: Int) {
        lock.withLock {
            guard self.generation < generation else { return }
            task?.cancel()
            task = nil
        }
    }
}
