import Foundation
import Testing
import GRDB
import Client
import Domain
import Server
import Sync

/// Events the background engine reported, with when they arrived.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(at: ContinuousClock.Instant, event: SyncEvent)] = []

    func record(_ event: SyncEvent) { lock.withLock { entries.append((.now, event)) } }

    var offline: Bool {
        lock.withLock {
            entries.last { if case .connection = $0.event { true } else { false } }.map {
                if case .connection(let online, _) = $0.event { !online } else { false }
            } ?? false
        }
    }
}

/// Polls `condition` every 20 ms for at most `seconds`; returns how long it took, or nil.
func waitUntil(seconds: Double, _ condition: () async throws -> Bool) async rethrows -> Double? {
    let start = ContinuousClock.now
    while (ContinuousClock.now - start) < .seconds(seconds) {
        if try await condition() { return (ContinuousClock.now - start).inSeconds }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return nil
}


@Suite("Background sync: backoff, breaker and upload after a partition", .serialized)
struct PartitionTests {
    @Test func theBreakerOpensAfterRepeatedFailuresAndHalfOpensOnAProbe() {
        var breaker = CircuitBreaker(threshold: 3, probeInterval: 0.5)
        #expect(breaker.allowsRequests)
        breaker.recordFailure(now: 1)
        breaker.recordFailure(now: 2)
        #expect(!breaker.isOpen && breaker.allowsRequests)
        breaker.recordFailure(now: 3)
        #expect(breaker.isOpen && !breaker.allowsRequests)
        breaker.probeSucceeded()
        #expect(breaker.state == .halfOpen && breaker.allowsRequests)
        breaker.recordFailure(now: 4)
        #expect(breaker.state == .open(since: 4), "a failed trial reopens at once")
        breaker.probeSucceeded()
        breaker.recordSuccess()
        #expect(breaker.state == .closed && breaker.consecutiveFailures == 0)

        var backoff = Backoff(base: 0.25, cap: 1.5)
        var random = SeededRandom(seed: 1)
        let waits = (0 ..< 12).map { _ in backoff.next(using: &random) }
        #expect(waits.allSatisfy { $0 >= 0 && $0 <= 1.5 }, "full jitter, capped")
        #expect(Set(waits).count > 6, "jittered, not a fixed schedule")
    }

    @Test(arguments: [FaultProxy.Mode.refuse, .blackhole])
    func uploadStartsWithinTwoSecondsOfTheServerBeingReachableAgain(_ partition: FaultProxy.Mode) async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        let (mirror, engine, actor) = try await server.console("roaming", via: proxy)
        _ = try await engine.syncOnce()
        let log = EventLog()
        let loop = Task { await engine.run { log.record($0) } }
        defer { loop.cancel() }
        let clientId = try await mirror.clientId()

        proxy.mode = partition
        let (loadId, driverId) = try await server.postedLoadAndDriver(in: mirror)
        try await mirror.enqueue(.assignLoad(.init(loadId: loadId, driverId: driverId)), by: actor)
        await engine.kick()
        #expect(await waitUntil(seconds: 30) { log.offline } != nil, "the console shows it is offline")
        // Long enough for the breaker to open and the engine to be probing.
        try await Task.sleep(for: .seconds(partition == .refuse ? 3 : 1))

        proxy.mode = .forward
        let database = try server.serverDatabase()
        let uploaded = try await waitUntil(seconds: 10) {
            try await database.read { db in
                try Int64.fetchOne(db, sql: "SELECT last_mutation_id FROM clients WHERE client_id = ?", arguments: [clientId]) ?? 0
            } == 1
        }
        print("partition \(partition): upload started \(uploaded.map { String(format: "%.2f", $0) } ?? "never") s after it healed")
        #expect(uploaded != nil && uploaded! <= 2.0, "upload started \(uploaded ?? -1) s after the partition healed")
        #expect(try await waitUntil(seconds: 10) { try await mirror.outbox().isEmpty } != nil)
    }
}
