import Foundation

/// Wakes long-polling pulls when the store commits something.
///
/// Waiters are woken on every commit and re-read their scope; a commit outside a
/// driver's scope costs that driver one cheap empty read, not a missed change.
public actor ChangeHub {
    private struct Waiter {
        let continuation: CheckedContinuation<Void, Never>
        let timer: Task<Void, Never>
    }

    private var latest: Int64
    private var waiters: [UUID: Waiter] = [:]
    /// Set on graceful shutdown: waits return at once, so in-flight long-polls answer and the server can stop.
    private let closedFlag = LatestSequence(0)
    /// `latest`, readable without a hop onto the actor (every pull reads it).
    private let published: LatestSequence

    public init(sequence: Int64 = 0) {
        latest = sequence
        published = LatestSequence(sequence)
    }

    /// The newest commit this hub has heard of.
    public nonisolated var latestSequence: Int64 { published.value }

    /// True once the server is shutting down: a long-poll answers with what it has instead of waiting.
    public nonisolated var isClosed: Bool { closedFlag.value != 0 }

    /// Long-polls currently waiting (for metrics and tests).
    public var waiting: Int { waiters.count }

    /// Records a commit and wakes every waiter.
    public func notify(sequence: Int64) {
        guard sequence > latest else { return }
        latest = sequence
        published.value = sequence
        let woken = waiters
        waiters.removeAll(keepingCapacity: true)
        for waiter in woken.values {
            // A woken waiter's timeout would otherwise sleep on for the rest of its wait
            // (10,000 of them per commit under load).
            waiter.timer.cancel()
            waiter.continuation.resume()
        }
    }

    /// Wakes every waiter and makes later waits return at once. A long-poll answered early is
    /// just an empty page to the client, which asks again (of another instance, or later).
    public func close() {
        closedFlag.value = 1
        let woken = waiters
        waiters.removeAll()
        for waiter in woken.values {
            waiter.timer.cancel()
            waiter.continuation.resume()
        }
    }

    /// Returns when a commit after `sequence` happens or `timeout` passes, whichever is first.
    public func wait(after sequence: Int64, timeout: Duration) async {
        if latest > sequence || isClosed { return }
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let timer = Task { [weak self] in
                    try? await Task.sleep(for: timeout)
                    if !Task.isCancelled { await self?.expire(id) }
                }
                waiters[id] = Waiter(continuation: continuation, timer: timer)
            }
        } onCancel: {
            Task { [weak self] in await self?.expire(id) }
        }
    }

    private func expire(_ id: UUID) {
        guard let waiter = waiters.removeValue(forKey: id) else { return }
        waiter.timer.cancel()
        waiter.continuation.resume()
    }
}

/// A sequence number behind a lock, shared between the hub and its readers.
final class LatestSequence: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Int64
    init(_ value: Int64) { stored = value }
    var value: Int64 {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
