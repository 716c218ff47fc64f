import Foundation

/// Keeps only the newest of a kind of background task: starting one cancels the one before.
///
/// Used for the board's totals, which read every match (56 ms at 1M loads): each sort key
/// started one, and the earlier queries kept a core busy while the next page was asked for.
/// GRDB interrupts a cancelled read, so the superseded query stops where it is.
final class LatestTask: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    func replace(with task: Task<Void, Never>) {
        lock.withLock {
            self.task?.cancel()
            self.task = task
        }
    }
}
