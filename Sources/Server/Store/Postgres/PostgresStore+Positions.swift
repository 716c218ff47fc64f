import Foundation
import PostgresNIO
import Domain

extension PostgresStore {
    /// As the SQLite store's ingest (the attribution shared in `PositionIngest`): the history
    /// rows, and the driver rows whose newest ping is newer than what they hold, under one
    /// sequence number, in one write transaction.
    public func ingest(actor: Actor, batch: PositionBatch, now: Int64) async throws -> PositionsResponse {
        let pings = try PositionIngest.attribute(batch, to: actor)
        let latest = PositionIngest.latest(pings)
        return try await write("store positions") { connection, _ in
            var drivers: [String: Driver] = [:]
            // Another organisation's driver is answered as one that does not exist.
            let rows = try await connection.query("""
                SELECT id, body FROM drivers WHERE id = ANY(\(Array(latest.keys))) AND org = \(actor.organization)
                """, logger: self.logger)
            for try await (id, body) in rows.decode((String, String).self) {
                drivers[id] = try JSONDecoder.wire.decode(Driver.self, from: Data(body.utf8))
            }
            if let missing = latest.keys.sorted().first(where: { drivers[$0] == nil }) {
                throw ServerError.badRequest(code: "bad_ping", message: "no driver \(missing)")
            }
            if !pings.isEmpty {
                // Optional numbers travel as NaN, which no GPS reports, and are stored as NULL.
                try await connection.query("""
                    INSERT INTO positions(driver_id, at, lat, lon, speed_mph, heading)
                    SELECT d, a, la, lo, NULLIF(s, 'NaN'::float8), NULLIF(h, 'NaN'::float8)
                    FROM unnest(\(pings.map(\.0)), \(pings.map(\.1.at)), \(pings.map(\.1.lat)), \(pings.map(\.1.lon)),
                                \(pings.map { $0.1.speedMph ?? .nan }), \(pings.map { $0.1.heading ?? .nan }))
                        AS t(d, a, la, lo, s, h)
                    """, logger: self.logger)
            }
            var moved = PostgresRows()
            var count = 0
            var seq: Int64?
            for (id, ping) in latest.sorted(by: { $0.key < $1.key }) {
                guard var driver = drivers[id], ping.at > driver.positionAt else { continue }
                driver.lat = ping.lat
                driver.lon = ping.lon
                driver.positionAt = ping.at
                driver.version += 1
                let sequence: Int64
                if let seq {
                    sequence = seq
                } else {
                    sequence = try await PostgresStore.nextSequence(connection, logger: self.logger)
                }
                seq = sequence
                try moved.add(driver, org: actor.organization, seq: sequence)
                count += 1
            }
            try await moved.flush(connection, logger: self.logger)
            return (PositionsResponse(accepted: pings.count, driversUpdated: count), seq)
        }
    }

    public func prunePositions(before cutoff: Int64) async throws -> Int {
        try await run("prune positions") { connection in
            Int(try await connection.scalar("""
                WITH gone AS (DELETE FROM positions WHERE at < \(cutoff) RETURNING 1) SELECT COUNT(*) FROM gone
                """, as: Int64.self, logger: self.logger) ?? 0)
        }
    }

    public func positions(of driverId: String, limit: Int) async throws -> [PositionPing] {
        try await run("read positions") { connection in
            var pings: [PositionPing] = []
            let rows = try await connection.query("""
                SELECT at, lat, lon, speed_mph, heading FROM positions WHERE driver_id = \(driverId)
                ORDER BY at DESC LIMIT \(Int64(limit))
                """, logger: self.logger)
            for try await (at, lat, lon, speed, heading) in rows.decode((Int64, Double, Double, Double?, Double?).self) {
                pings.append(PositionPing(driverId: driverId, lat: lat, lon: lon, at: at, speedMph: speed, heading: heading))
            }
            return pings
        }
    }

    /// Throws unless the database answers (for `/ready`).
    public func checkReady() async throws {
        do {
            _ = try await currentSequence()
        } catch {
            throw ServerError.notReady("database: \(error)")
        }
    }

    /// The highest mutation id of `clientId` whose effects, and those of every earlier one, are
    /// at or below `sequence`; as `SQLiteStore.lastMutationId(clientId:user:asOf:)`.
    public func lastMutationId(clientId: String, user: String, asOf sequence: Int64) async throws -> Int64 {
        // Not known to have pushed anywhere: nothing consumed. A push through another instance
        // that this one has not heard of yet only delays a confirmation to the next pull.
        guard pushers.contains(clientId) else { return 0 }
        return try await run("read lastMutationId") { connection in
            try await connection.scalar("""
                SELECT LEAST(c.last_mutation_id,
                             COALESCE((SELECT MIN(r.mutation_id) - 1 FROM mutation_results r
                                       WHERE r.client_id = c.client_id AND r.seq > \(sequence)), c.last_mutation_id))
                FROM clients c WHERE c.client_id = \(clientId) AND c."user" = \(user)
                """, as: Int64.self, logger: self.logger) ?? 0
        }
    }
}
