import Foundation
import PostgresNIO
import Domain

extension PostgresStore {
    public func moveFleet(slice: FleetSlice, move: @escaping @Sendable (inout Driver, GeoPoint?) -> Void) async throws
        -> Int64? {
        try await write("move the fleet") { connection, _ -> (Int64?, changedTo: Int64?) in
            let total = try await connection.scalar("SELECT COUNT(*) FROM drivers", as: Int64.self, logger: self.logger) ?? 0
            guard total > 0 else { return (nil, nil) }
            let window = slice.window(total: Int(total))
            // Taken before the slice is read: a connection answers one query at a time.
            let seq = try await PostgresStore.nextSequence(connection, logger: self.logger)
            let rows = try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT d.body, d.org, (SELECT l.body FROM loads l
                                WHERE l.driver_id = d.id AND l.status IN \(PostgresStore.inProgressStatuses) LIMIT 1)
                FROM drivers d ORDER BY d.id LIMIT \(window.count) OFFSET \(window.offset)
                """), logger: self.logger)
            // The whole fleet, every organisation's: each driver keeps its own.
            var moved: [(Driver, org: String)] = []
            for try await (body, org, loadBody) in rows.decode((String, String, String?).self) {
                var driver = try JSONDecoder.wire.decode(Driver.self, from: Data(body.utf8))
                let load = loadBody.flatMap { try? JSONDecoder.wire.decode(Load.self, from: Data($0.utf8)) }
                move(&driver, load?.delivery?.point)
                moved.append((driver, org))
            }
            var out = PostgresRows()
            for (driver, org) in moved { try out.add(driver, org: org, seq: seq) }
            try await out.flush(connection, logger: self.logger)
            return (seq, seq)
        }
    }
}
