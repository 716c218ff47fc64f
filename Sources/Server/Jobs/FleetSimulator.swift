import Foundation
import GRDB
import Logging
import Domain
import ServiceLifecycle

/// Moves the fleet like live GPS would: drivers on a load head for its delivery,
/// the rest drift near where they are. Each tick is one server transaction.
struct FleetSimulator: Service {
    let store: SQLiteStore
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
        let share = self.share
        return try await store.pool.write { db -> Int64? in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM drivers") ?? 0
            guard total > 0 else { return nil }
            let count = max(1, Int(Double(total) * share))
            let offset = Int(tick * UInt64(count) % UInt64(total))
            let bodies = try String.fetchAll(db, sql: "SELECT body FROM drivers ORDER BY id LIMIT ? OFFSET ?",
                                             arguments: [count, offset])
            let seq = try SQLiteStore.nextSequence(db)
            let now = Int64(Date().timeIntervalSince1970)
            var random = SeededRandom(seed: tick)
            for body in bodies {
                var driver = try JSONDecoder.wire.decode(Driver.self, from: Data(body.utf8))
                let target = try destination(of: driver.id, db: db)
                move(&driver, toward: target, random: &random, now: now)
                try ServerRows.put(driver, db: db, sequence: seq)
            }
            return seq
        }
    }

    private func destination(of driverId: String, db: Database) throws -> GeoPoint? {
        let body = try String.fetchOne(db, sql: """
            SELECT body FROM loads WHERE driver_id = ? AND status IN ('X3', 'CP', 'AF', 'X6') LIMIT 1
            """, arguments: [driverId])
        guard let body, let load = try? JSONDecoder.wire.decode(Load.self, from: Data(body.utf8)) else { return nil }
        return load.delivery?.point
    }

    /// About a minute of highway driving per report toward the target, or a short drift.
    private func move(_ driver: inout Driver, toward target: GeoPoint?, random: inout SeededRandom, now: Int64) {
        if let target {
            let step = 0.02
            let dLat = target.lat - driver.lat, dLon = target.lon - driver.lon
            let length = max(0.0001, (dLat * dLat + dLon * dLon).squareRoot())
            let fraction = min(1, step / length)
            driver.lat += dLat * fraction
            driver.lon += dLon * fraction
            driver.hos.driveMinutes = max(0, driver.hos.driveMinutes - 1)
        } else {
            driver.lat = min(49, max(25, driver.lat + Double(random.int(-20...20)) / 1_000))
            driver.lon = min(-67, max(-124, driver.lon + Double(random.int(-20...20)) / 1_000))
        }
        driver.positionAt = now
        driver.hos.asOf = now
        driver.version += 1
    }
}
