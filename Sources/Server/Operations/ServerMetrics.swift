import Foundation
import Metrics
import Prometheus

/// What `/metrics` reports, in the Prometheus text format.
///
/// Each server owns its registry (not the process-global `MetricsSystem`), so several
/// instances in one process, as in the tests, keep their numbers apart.
public final class ServerMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    let factory: PrometheusMetricsFactory

    let pulls: Metrics.Counter
    let pushes: Metrics.Counter
    let applied: Metrics.Counter
    let rejected: Metrics.Counter
    let replayed: Metrics.Counter
    let pings: Metrics.Counter
    let rateLimited: Metrics.Counter
    let longPollWaiters: Metrics.Meter
    let storeOperations: Metrics.Meter

    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .seconds(2.5), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        ]
        self.factory = factory
        pulls = Metrics.Counter(label: "dispatchd_pulls_total", factory: factory)
        pushes = Metrics.Counter(label: "dispatchd_pushes_total", factory: factory)
        applied = Metrics.Counter(label: "dispatchd_mutations_total", dimensions: [("outcome", "applied")], factory: factory)
        rejected = Metrics.Counter(label: "dispatchd_mutations_total", dimensions: [("outcome", "rejected")], factory: factory)
        replayed = Metrics.Counter(label: "dispatchd_mutations_total", dimensions: [("outcome", "replayed")], factory: factory)
        pings = Metrics.Counter(label: "dispatchd_gps_pings_total", factory: factory)
        rateLimited = Metrics.Counter(label: "dispatchd_rate_limited_total", factory: factory)
        longPollWaiters = Metrics.Meter(label: "dispatchd_longpoll_waiters", factory: factory)
        storeOperations = Metrics.Meter(label: "dispatchd_store_operations_in_flight", factory: factory)
    }

    /// A request's duration by route pattern, method and status.
    func recordRequest(route: String, method: String, status: Int, nanoseconds: Int64) {
        timer(route: route, method: method, status: status).recordNanoseconds(nanoseconds)
    }

    private let timersLock = NSLock()
    nonisolated(unsafe) private var timers: [String: Metrics.Timer] = [:]

    /// One timer per label set, made once: making it looks the labels up in the registry.
    private func timer(route: String, method: String, status: Int) -> Metrics.Timer {
        let key = "\(route) \(method) \(status)"
        return timersLock.withLock {
            if let timer = timers[key] { return timer }
            let timer = Metrics.Timer(label: "dispatchd_request_duration_seconds",
                                      dimensions: [("route", route), ("method", method), ("status", String(status))],
                                      preferredDisplayUnit: .seconds, factory: factory)
            timers[key] = timer
            return timer
        }
    }

    func record(_ response: PushResponseSummary) {
        pushes.increment()
        applied.increment(by: response.applied)
        rejected.increment(by: response.rejected)
        replayed.increment(by: response.replayed)
    }

    /// Runs a store call, counted as in flight while it runs (the pool usage gauge).
    func storeCall<T>(_ body: () async throws -> T) async rethrows -> T {
        storeOperations.increment()
        defer { storeOperations.decrement() }
        return try await body()
    }

    /// The exposition text.
    public func render() -> [UInt8] { registry.emitToBuffer() }
}

/// Counts of one push's results, for the mutation counters.
struct PushResponseSummary {
    var applied = 0
    var rejected = 0
    var replayed = 0
}
