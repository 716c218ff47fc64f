import Foundation
import GRDB
import Domain

extension SQLiteStore {
    /// One transaction per batch: the history rows, and for each driver whose newest ping is
    /// newer than what the driver row holds, the driver row with that position (one sequence
    /// number for the batch). The feed therefore carries one row per moved driver, however
    /// many pings arrived.
    public func ingest(actor: Actor, batch: PositionBatch, now: Int64) async throws -> PositionsResponse {
        let pings = try PositionIngest.attribute(batch, to: actor)
        return try await pool.write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT INTO positions(driver_id, at, lat, lon, speed_mph, heading) VALUES (?, ?, ?, ?, ?, ?)
                """)
            let latest = PositionIngest.latest(pings)
            var drivers: [String: Driver] = [:]
            for id in latest.keys {
                // Another organisation's driver is answered as one that does not exist.
                guard let json = try String.fetchOne(db, sql: "SELECT body FROM drivers WHERE id = ? AND org = ?",
                                                     arguments: [id, actor.organization]) else {
                    throw ServerError.badRequest(code: "bad_ping", message: "no driver \(id)")
                }
                drivers[id] = try JSONDecoder.wire.decode(Driver.self, from: Data(json.utf8))
            }
            for (driverId, ping) in pings {
                try insert.execute(arguments: [driverId, ping.at, ping.lat, ping.lon, ping.speedMph, ping.heading])
            }
            var moved = 0
            var seq: Int64?
            for (id, ping) in latest {
                guard var driver = drivers[id], ping.at > driver.positionAt else { continue }
                driver.lat = ping.lat
                driver.lon = ping.lon
                driver.positionAt = ping.at
                driver.version += 1
                let sequence = try seq ?? SQLiteStore.nextSequence(db)
                seq = sequence
                try ServerRows.put(driver, org: actor.organization, db: db, sequence: sequence)
                moved += 1
            }
            return PositionsResponse(accepted: pings.count, driversUpdated: moved)
        }
    }

    public func prunePositions(before cutoff: Int64) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM positions WHERE at < ?", arguments: [cutoff])
            return db.changesCount
        }
    }

    public func checkReady() async throws {
        do {
            _ = try await pool.read { db in try SQLiteStore.sequence(db) }
        } catch {
            throw ServerError.notReady("database: \(error)")
        }
    }

    /// The stored pings of one driver, newest first (operators and tests).
    public func positions(of driverId: String, limit: Int = 100) async throws -> [PositionPing] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT at, lat, lon, speed_mph, heading FROM positions WHERE driver_id = ? ORDER BY at DESC LIMIT ?
                """, arguments: [driverId, limit]).map {
                PositionPing(driverId: driverId, lat: $0["lat"], lon: $0["lon"], at: $0["at"],
                             speedMph: $0["speed_mph"], heading: $0["heading"])
            }
        }
    }
}
