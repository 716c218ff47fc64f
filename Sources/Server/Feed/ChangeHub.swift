import Foundation

/// Wakes long-polling pulls when the store commits something.
///
/// Waiters are woken on every commit and re-read their scope; a commit outside a
/// driver's scope costs that driver one cheap empty read, not a missed change.
public actor ChangeHub {
    private struct Waiter {
        let continuation: CheckedContinuation<Void, Never>
        let deadline: ContinuousClock.Instant
    }

    /// How often waits whose time is up are answered. One task sweeps them all: a timer task per
    /// waiter cost 10,000 tasks created and cancelled per commit under load.
    static let sweepInterval: Duration = .milliseconds(100)
    /// Runs while anyone waits.
    private var sweeper: Task<Void, Never>?

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
        for waiter in woken.values { waiter.continuation.resume() }
    }

    /// Wakes every waiter and makes later waits return at once. A long-poll answered early is
    /// just an empty page to the client, which asks again (of another instance, or later).
    public func close() {
        closedFlag.value = 1
        let woken = waiters
        waiters.removeAll()
        sweeper?.cancel()
        sweeper = nil
        for waiter in woken.values { waiter.continuation.resume() }
    }

    /// Returns when a commit after `sequence` happens or `timeout` passes, whichever is first.
    public func wait(after sequence: Int64, timeout: Duration) async {
        if latest > sequence || isClosed { return }
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                waiters[id] = Waiter(continuation: continuation, deadline: .now + timeout)
                startSweeping()
            }
        } onCancel: {
            Task { [weak self] in await self?.expire(id) }
        }
    }

    private func expire(_ id: UUID) {
        waiters.removeValue(forKey: id)?.continuation.resume()
    }

    private func startSweeping() {
        guard sweeper == nil, !isClosed else { return }
        sweeper = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: ChangeHub.sweepInterval)
                guard let self, await self.sweep() else { return }
            }
        }
    }

    /// Answers the waits whose time is up; false once nobody waits (the sweeper then stops).
    private func sweep() -> Bool {
        let now = ContinuousClock.now
        for (id, waiter) in waiters where waiter.deadline <= now {
            waiters.removeValue(forKey: id)
            waiter.continuation.resume()
        }
        guard waiters.isEmpty else { return true }
        sweeper = nil
        return false
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
