import Foundation

/// Wakes long-polling pulls when the store commits something.
///
/// Waiters are woken on every commit and re-read their scope; a commit outside a
/// driver's scope costs that driver one cheap empty read, not a missed change.
public actor ChangeHub {
    private var latest: Int64
    private var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]

    public init(sequence: Int64 = 0) {
        latest = sequence
    }

    /// The newest commit this hub has heard of.
    public var latestSequence: Int64 { latest }

    /// Long-polls currently waiting (for metrics and tests).
    public var waiting: Int { waiters.count }

    /// Records a commit and wakes every waiter.
    public func notify(sequence: Int64) {
        guard sequence > latest else { return }
        latest = sequence
        let woken = waiters
        waiters.removeAll()
        for (_, continuation) in woken { continuation.resume() }
    }

    /// Returns when a commit after `sequence` happens or `timeout` passes, whichever is first.
    public func wait(after sequence: Int64, timeout: Duration) async {
        if latest > sequence { return }
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                waiters[id] = continuation
                Task { [weak self] in
                    try? await Task.sleep(for: timeout)
                    await self?.expire(id)
                }
            }
        } onCancel: {
            Task { [weak self] in await self?.expire(id) }
        }
    }

    private func expire(_ id: UUID) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
