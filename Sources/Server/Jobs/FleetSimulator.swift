import Foundation
import Logging
import Domain
import ServiceLifecycle

/// Moves the fleet like live GPS would: drivers on a load head for its delivery,
/// the rest drift near where they are. Each tick is one server transaction, on either store
/// (`ServerStore.moveFleet`), so several instances on one PostgreSQL can each run it.
struct FleetSimulator: Service {
    let store: any ServerStore
    let hub: ChangeHub
    let logger: Logger
    var interval: Duration = .seconds(2)
    /// Share of the fleet that reports a position each tick.
    var share = 0.03

    func run() async {
        await cancelWhenGracefulShutdown { await loop() }
    }

    private func loop() async {
        var tick: UInt64 = 0
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
                tick += 1
                if let seq = try await step(tick: tick) { await hub.notify(sequence: seq) }
            } catch is CancellationError {
                return
            } catch {
                logger.warning("fleet simulator: \(error)")
            }
        }
    }

    /// Moves a slice of drivers; returns the sequence number written, if any.
    func step(tick: UInt64) async throws -> Int64? {
        let now = Int64(Date().timeIntervalSince1970)
        return try await store.moveFleet(slice: FleetSlice(tick: tick, share: share)) { driver, target in
            FleetSimulator.move(&driver, toward: target, tick: tick, now: now)
        }
    }

    /// About a minute of highway driving per report toward the target, or a short drift
    /// (random per driver and tick, so a tick moves the same whichever store runs it).
    static func move(_ driver: inout Driver, toward target: GeoPoint?, tick: UInt64, now: Int64) {
        if let target {
            let step = 0.02
            let dLat = target.lat - driver.lat, dLon = target.lon - driver.lon
            let length = max(0.0001, (dLat * dLat + dLon * dLon).squareRoot())
            let fraction = min(1, step / length)
            driver.lat += dLat * fraction
            driver.lon += dLon * fraction
            driver.hos.driveMinutes = max(0, driver.hos.driveMinutes - 1)
        } else {
            let idHash = driver.id.utf8.reduce(UInt64(0)) { $0 &* 31 &+ UInt64($1) }
            var random = SeededRandom(seed: tick &* 1_000_003 &+ idHash)
            driver.lat = min(49, max(25, driver.lat + Double(random.int(-20...20)) / 1_000))
            driver.lon = min(-67, max(-124, driver.lon + Double(random.int(-20...20)) / 1_000))
        }
        driver.positionAt = now
        driver.hos.asOf = now
        driver.version += 1
    }
}

/// Which drivers one tick moves: `share` of the fleet, the next slice in id order each tick.
public struct FleetSlice: Sendable {
    public var tick: UInt64
    public var share: Double

    public init(tick: UInt64, share: Double) {
        self.tick = tick
        self.share = share
    }

    /// The slice's size and offset in a fleet of `total` drivers.
    func window(total: Int) -> (count: Int, offset: Int) {
        let count = max(1, Int(Double(total) * share))
        return (count, Int(tick * UInt64(count) % UInt64(total)))
    }
}
