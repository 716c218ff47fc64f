import Foundation
import Client
import Domain

/// Moves edits up and changes down: push the outbox in order, pull pages until current,
/// apply each page in one transaction. One engine per mirror; one loop at a time.
public actor SyncEngine {
    public let mirror: Mirror
    public let client: DispatchClient
    public let actor: Actor
    private var longPoll: Task<PullBatch, any Error>?
    private var kicked = false

    public init(mirror: Mirror, client: DispatchClient, actor: Actor) {
        self.mirror = mirror
        self.client = client
        self.actor = actor
    }

    /// Pushes every queued edit the server has not acknowledged, oldest first, in batches.
    @discardableResult
    public func push(report: inout SyncReport) async throws -> Bool {
        let clientId = try await mirror.clientId()
        var pushedAny = false
        while true {
            let acked = Int64(try await mirror.state("acked_mutation_id") ?? "0") ?? 0
            let batch = try await mirror.pool.read { db in try Mirror.outbox(db, after: acked, limit: 500) }
            guard !batch.isEmpty else { return pushedAny }
            let response: PushResponse
            do {
                response = try await client.push(PushRequest(clientId: clientId, mutations: batch.map(\.envelope)))
            } catch {
                throw SyncError.client(error)
            }
            try await mirror.recordPushResults(response, sent: batch, now: Int64(Date().timeIntervalSince1970))
            pushedAny = true
            report.pushed += batch.count
            report.applied += response.results.filter { $0.status == .applied }.count
            report.rejected += response.results.compactMap { result in
                guard result.status == .rejected else { return nil }
                let summary = batch.first { $0.id == result.id }?.summary ?? "#\(result.id)"
                return "\(summary): \(result.rejection?.message ?? "refused")"
            }
            if response.lastMutationId < (batch.last?.id ?? 0) { return pushedAny }
        }
    }

    /// Pulls pages until the mirror is current. `wait` long-polls the first page.
    ///
    /// Pages are pipelined: while one page is applied, the next is already being fetched and
    /// decoded (its cursor is known as soon as the page before it arrives).
    public func pull(wait: Int = 0, report: inout SyncReport,
                     onProgress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws {
        let clientId = try await mirror.clientId()
        let client = self.client
        func fetch(_ cursor: String?, wait: Int) -> Task<PullBatch, any Error> {
            Task.detached { try PullBatch(data: try await client.pullData(cursor: cursor, clientId: clientId, wait: wait)) }
        }
        let first = fetch(try await mirror.state("cursor"), wait: wait)
        longPoll = first
        if kicked, wait > 0 { first.cancel() }
        var next: Task<PullBatch, any Error>? = first
        var done = 0
        var total: Int?
        defer { next?.cancel() }
        while let request = next {
            let page: PullBatch
            let fetchStarted = ContinuousClock.now
            do {
                page = try await request.value
            } catch is CancellationError {
                longPoll = nil
                return
            } catch let error as ClientError {
                longPoll = nil
                if Task.isCancelled || request.isCancelled { return }
                throw SyncError.client(error)
            }
            longPoll = nil
            next = page.hasMore ? fetch(page.cursor, wait: 0) : nil
            let applyStarted = ContinuousClock.now
            report.pullSeconds += (applyStarted - fetchStarted).inSeconds
            let result = try await mirror.apply(page, actor: actor)
            report.applySeconds += (ContinuousClock.now - applyStarted).inSeconds
            report.pages += 1
            report.pulledRows += result.rows
            report.reset = report.reset || result.reset
            done += page.rowCount
            if let remaining = page.header.remaining { total = done + remaining }
            if page.hasMore || done > 0 { onProgress(done, max(done, total ?? done)) }
        }
    }

    /// A server that answers "gap" has not seen this console's earlier ids (a new database):
    /// pulling its snapshot renumbers the queue, then the push is tried once more.
    func pushRecoveringGap(report: inout SyncReport) async throws {
        do {
            try await push(report: &report)
        } catch SyncError.client(.refused(_, "mutation_gap", _)) {
            try await pull(report: &report)
            try await push(report: &report)
        }
    }

    /// Push, then pull until current: what `dispatch sync` does.
    public func syncOnce(onProgress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> SyncReport {
        let started = Date()
        var report = SyncReport()
        try await pushRecoveringGap(report: &report)
        try await pull(report: &report, onProgress: onProgress)
        report.pending = try await mirror.queueCounts().pending
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Something was queued: push now, cutting short a long-poll in progress.
    public func kick() {
        kicked = true
        longPoll?.cancel()
    }

    /// The console's background loop: push when there is something to push, long-poll otherwise,
    /// back off with full jitter when the server cannot be reached. Runs until cancelled.
    public func run(onEvent: @escaping @Sendable (SyncEvent) -> Void) async {
        var backoff = Backoff(base: 0.25, cap: 1.5)
        var online: Bool?
        var caughtUp = false
        while !Task.isCancelled {
            kicked = false
            var report = SyncReport()
            do {
                try await pushRecoveringGap(report: &report)
                if !report.rejected.isEmpty { onEvent(.rejected(report.rejected)) }
                if report.pushed > 0 { onEvent(.mirrorChanged) }
                let pending = try await mirror.queueCounts().pending
                let started = ContinuousClock.now
                try await pull(wait: pending > 0 || kicked || !caughtUp ? 0 : 25, report: &report) { done, total in
                    // A long catch-up shows its progress, and the rows that have arrived.
                    guard total > 2_000, done > 0 else { return }
                    // Pages are arriving: the server is reachable, even before the catch-up ends.
                    onEvent(.connection(online: true, detail: nil))
                    let elapsed = (ContinuousClock.now - started).inSeconds
                    let left = Int((elapsed / Double(done) * Double(total - done)).rounded(.up))
                    onEvent(.progress(done: done, total: total, secondsLeft: left))
                    onEvent(.mirrorChanged)
                }
                if online != true { onEvent(.connection(online: true, detail: nil)); online = true }
                caughtUp = true
                backoff.reset()
                if report.pulledRows > 0 || report.pages > 0 { onEvent(.mirrorChanged) }
                onEvent(.synced(at: Int64(Date().timeIntervalSince1970)))
                if report.pulledRows == 0, pending > 0, report.pushed == 0, !kicked {
                    // Still pending but nothing moved (the server has not consumed it yet): don't spin.
                    try await Task.sleep(for: .milliseconds(500))
                }
            } catch {
                if Task.isCancelled { return }
                let detail: String
                if case SyncError.client(let clientError) = error {
                    switch clientError {
                    case .unreachable: detail = "server unreachable"
                    case .unauthorized: detail = "signed out: run dispatch login"
                    default: detail = clientError.description
                    }
                } else {
                    detail = "\(error)"
                }
                if online != false { onEvent(.connection(online: false, detail: detail)); online = false }
                try? await Task.sleep(for: .seconds(backoff.next()))
            }
        }
    }
}
