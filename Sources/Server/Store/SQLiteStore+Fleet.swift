import Foundation
import GRDB
import Domain

extension SQLiteStore {
    public func moveFleet(slice: FleetSlice, move: @escaping @Sendable (inout Driver, GeoPoint?) -> Void) async throws
        -> Int64? {
        try await pool.write { db -> Int64? in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM drivers") ?? 0
            guard total > 0 else { return nil }
            let window = slice.window(total: total)
            // The whole fleet, every organisation's: each driver keeps its own.
            let rows = try Row.fetchAll(db, sql: "SELECT body, org FROM drivers ORDER BY id LIMIT ? OFFSET ?",
                                        arguments: [window.count, window.offset])
            let seq = try SQLiteStore.nextSequence(db)
            for row in rows {
                let body: String = row[0]
                var driver = try JSONDecoder.wire.decode(Driver.self, from: Data(body.utf8))
                move(&driver, try SQLiteStore.delivery(inProgressBy: driver.id, db: db))
                try ServerRows.put(driver, org: row[1], db: db, sequence: seq)
            }
            return seq
        }
    }

    private static func delivery(inProgressBy driverId: String, db: Database) throws -> GeoPoint? {
        let body = try String.fetchOne(db, sql: """
            SELECT body FROM loads WHERE driver_id = ? AND status IN \(inProgressStatuses) LIMIT 1
            """, arguments: [driverId])
        guard let body, let load = try? JSONDecoder.wire.decode(Load.self, from: Data(body.utf8)) else { return nil }
        return load.delivery?.point
    }
}
