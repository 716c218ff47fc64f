import Foundation
import Client
import Domain
import GRDB

/// Moves edits up and changes down: push the outbox in order, pull pages until current,
/// apply each page in one transaction. One engine per mirror; one loop at a time.
public actor SyncEngine {
    public let mirror: Mirror
    public let client: DispatchClient
    public let actor: Actor
    public let timing: SyncTiming
    /// Abandons the long-poll in flight. URLSession over libcurl does not always stop a
    /// request when its task is cancelled (a connection held open by a partition), so the
    /// engine stops waiting for it instead and lets it time out on its own.
    private var abandonLongPoll: (@Sendable () -> Void)?
    private var kicked = false

    public init(mirror: Mirror, client: DispatchClient, actor: Actor, timing: SyncTiming = SyncTiming()) {
        self.mirror = mirror
        self.client = client
        self.actor = actor
        self.timing = timing
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
            Failpoint.hit("push-before-send")
            do {
                response = try await client.push(PushRequest(clientId: clientId, mutations: batch.map(\.envelope)),
                                                 timeout: timing.pushTimeout)
            } catch {
                throw SyncError.client(error)
            }
            Failpoint.hit("push-after-response")
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
    /// A cursor the server says it never issued is dropped and the pull starts again from a
    /// full snapshot (the outbox survives it); the report says so.
    public func pull(wait: Int = 0, report: inout SyncReport,
                     onProgress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws {
        do {
            try await pullPages(wait: wait, report: &report, onProgress: onProgress)
        } catch SyncError.client(.refused(_, "unknown_cursor", _)) {
            try await mirror.forgetCursor()
            report.notices.append("the server did not know this mirror's cursor: full resync")
            try await pullPages(wait: 0, report: &report, onProgress: onProgress)
        }
    }

    /// Pages are pipelined: while one page is applied, the next is already being fetched and
    /// decoded (its cursor is known as soon as the page before it arrives).
    func pullPages(wait: Int, report: inout SyncReport, onProgress: @Sendable (Int, Int) -> Void) async throws {
        let clientId = try await mirror.clientId()
        let client = self.client
        func fetch(_ cursor: String?, wait: Int) -> Task<PullBatch, any Error> {
            Task.detached { try PullBatch(data: try await client.pullData(cursor: cursor, clientId: clientId, wait: wait)) }
        }
        let first = fetch(try await mirror.state("cursor"), wait: wait)
        if kicked, wait > 0 { first.cancel(); return }
        var next: Task<PullBatch, any Error>? = first
        var done = 0
        var total: Int?
        defer { next?.cancel() }
        while let request = next {
            let page: PullBatch
            let fetchStarted = ContinuousClock.now
            do {
                let value = try await (request == first && wait > 0 ? abandonable(request) : request.value)
                abandonLongPoll = nil
                guard let value else { return }
                page = value
            } catch is CancellationError {
                return
            } catch let error as ClientError {
                if Task.isCancelled || request.isCancelled { return }
                throw SyncError.client(error)
            }
            next = page.hasMore ? fetch(page.cursor, wait: 0) : nil
            let applyStarted = ContinuousClock.now
            report.pullSeconds += (applyStarted - fetchStarted).inSeconds
            let result = try await mirror.apply(page, actor: actor)
            report.applySeconds += (ContinuousClock.now - applyStarted).inSeconds
            report.pages += 1
            report.pulledRows += result.rows
            report.reset = report.reset || result.reset
            if let reason = page.header.resetReason, reason != .initial {
                report.notices.append(reason == .expired
                    ? "away longer than the server keeps deletions: full resync (queued edits kept)"
                    : "the server's database changed: full resync (queued edits kept)")
            }
            done += page.rowCount
            if let remaining = page.header.remaining { total = done + remaining }
            if page.hasMore || done > 0 { onProgress(done, max(done, total ?? done)) }
        }
        // A snapshot, this time or one cut short before, may have left sort indexes to build.
        if try await mirror.deferredIndexCount() > 0 { mirror.startBuildingDeferredIndexes() }
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
        abandonLongPoll?()
        abandonLongPoll = nil
    }

    /// The long-poll's page, or nil as soon as `kick` abandons it.
    private func abandonable(_ request: Task<PullBatch, any Error>) async throws -> PullBatch? {
        let once = ResumeOnce<PullBatch?>()
        return try await withCheckedThrowingContinuation { continuation in
            once.set(continuation)
            abandonLongPoll = {
                request.cancel()
                once.resume(with: .success(nil))
            }
            Task {
                do {
                    once.resume(with: .success(try await request.value))
                } catch {
                    once.resume(with: .failure(error))
                }
            }
        }
    }

    /// The console's background loop: push when there is something to push, long-poll otherwise.
    /// Failures back off with full jitter; repeated ones open the circuit breaker, which stops
    /// syncing and probes `/health` until the server answers. Runs until cancelled.
    public func run(onEvent: @escaping @Sendable (SyncEvent) -> Void) async {
        var backoff = Backoff(base: timing.backoffBase, cap: timing.backoffCap)
        var slowBackoff = Backoff(base: 1, cap: 30)
        var breaker = CircuitBreaker(threshold: timing.breakerThreshold, probeInterval: timing.probeInterval)
        var online: Bool?
        var caughtUp = false
        let started = ContinuousClock.now
        while !Task.isCancelled {
            if breaker.isOpen {
                guard await probeUntilReachable() else { return }
                breaker.probeSucceeded()
            }
            kicked = false
            var report = SyncReport()
            do {
                try await syncStep(report: &report, caughtUp: caughtUp, onEvent: onEvent)
                if online != true { onEvent(.connection(online: true, detail: nil)); online = true }
                caughtUp = true
                breaker.recordSuccess()
                backoff.reset()
                slowBackoff.reset()
            } catch {
                if Task.isCancelled { return }
                let transient = SyncEngine.isTransient(error)
                breaker.recordFailure(now: (ContinuousClock.now - started).inSeconds)
                var detail = SyncEngine.describe(error)
                if breaker.isOpen, transient { detail += "; retrying" }
                if online != false { onEvent(.connection(online: false, detail: detail)); online = false }
                if case SyncError.client(.rateLimited(let seconds)) = error {
                    // The server said when: waiting less would only be refused again.
                    try? await Task.sleep(for: .seconds(seconds))
                } else if !transient {
                    // Signed out or refused: only the user can fix it, so don't hammer the server.
                    try? await Task.sleep(for: .seconds(slowBackoff.next()))
                } else if !breaker.isOpen {
                    try? await Task.sleep(for: .seconds(backoff.next()))
                }
            }
        }
    }

    /// One turn of the loop: push, then pull (long-polling when there is nothing to do).
    private func syncStep(report: inout SyncReport, caughtUp: Bool,
                          onEvent: @escaping @Sendable (SyncEvent) -> Void) async throws {
        try await pushRecoveringGap(report: &report)
        if !report.rejected.isEmpty { onEvent(.rejected(report.rejected)) }
        if report.pushed > 0 { onEvent(.mirrorChanged) }
        let pending = try await mirror.queueCounts().pending
        let started = ContinuousClock.now
        let wait = pending > 0 || kicked || !caughtUp ? 0 : timing.longPollSeconds
        try await pull(wait: wait, report: &report) { done, total in
            // A long catch-up shows its progress, and the rows that have arrived.
            guard total > 2_000, done > 0 else { return }
            // Pages are arriving: the server is reachable, even before the catch-up ends.
            onEvent(.connection(online: true, detail: nil))
            let elapsed = (ContinuousClock.now - started).inSeconds
            let left = Int((elapsed / Double(done) * Double(total - done)).rounded(.up))
            onEvent(.progress(done: done, total: total, secondsLeft: left))
            onEvent(.mirrorChanged)
        }
        for notice in report.notices { onEvent(.notice(notice)) }
        if report.pulledRows > 0 || report.pages > 0 { onEvent(.mirrorChanged) }
        onEvent(.synced(at: Int64(Date().timeIntervalSince1970)))
        if report.pulledRows == 0, pending > 0, report.pushed == 0, !kicked {
            // Still pending but nothing moved (the server has not consumed it yet): don't spin.
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    /// Starts a health probe every `probeInterval` seconds, each on its own connection and
    /// without waiting for the previous one, and returns at the first answer (false if cancelled).
    private func probeUntilReachable() async -> Bool {
        let client = self.client
        let timeout = timing.probeTimeout
        let interval = timing.probeInterval
        let (answers, continuation) = AsyncStream<Void>.makeStream()
        let launcher = Task {
            while !Task.isCancelled {
                Task {
                    if (try? await client.health(timeout: timeout)) != nil { continuation.yield() }
                }
                try? await Task.sleep(for: .seconds(interval))
            }
        }
        defer {
            launcher.cancel()
            continuation.finish()
        }
        for await _ in answers { return true }
        return false
    }

    static func isTransient(_ error: any Error) -> Bool {
        if case SyncError.client(let clientError) = error { return clientError.isTransient }
        return true
    }

    static func describe(_ error: any Error) -> String {
        guard case SyncError.client(let clientError) = error else { return "\(error)" }
        switch clientError {
        case .unreachable: return "server unreachable"
        case .unauthorized: return "signed out: run dispatch login"
        default: return clientError.description
        }
    }
}
