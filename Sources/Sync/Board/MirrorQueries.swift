import Foundation
import GRDB
import Domain

/// Read models for the panes other than the board. Small tables (drivers, carriers,
/// payments) are read whole; loads never are.
public struct MirrorQueries: Sendable {
    public let mirror: Mirror
    public init(mirror: Mirror) { self.mirror = mirror }

    static func decodeAll<T: Decodable>(_ type: T.Type, _ db: Database, _ sql: String,
                                        _ arguments: StatementArguments = []) throws -> [T] {
        let decoder = JSONDecoder.wire
        return try String.fetchAll(db, sql: sql, arguments: arguments).map { try decoder.decode(T.self, from: Data($0.utf8)) }
    }

    public func load(_ id: String) async throws -> Load? {
        try await mirror.pool.read { db in try MirrorQueries.decodeAll(Load.self, db, "SELECT body FROM loads WHERE id = ?", [id]).first }
    }

    /// Several loads by id, in one read.
    public func loads(_ ids: [String]) async throws -> [String: Load] {
        guard !ids.isEmpty else { return [:] }
        return try await mirror.pool.read { db in
            var found: [String: Load] = [:]
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for load in try MirrorQueries.decodeAll(Load.self, db, "SELECT body FROM loads WHERE id IN (\(marks))",
                                                        StatementArguments(chunk)) {
                    found[load.id] = load
                }
            }
            return found
        }
    }

    public func payout(_ id: String) async throws -> Payout? {
        try await mirror.pool.read { db in
            try MirrorQueries.decodeAll(Payout.self, db, "SELECT body FROM payouts WHERE id = ?", [id]).first
        }
    }

    public func driver(_ id: String) async throws -> Driver? {
        try await mirror.pool.read { db in try MirrorQueries.decodeAll(Driver.self, db, "SELECT body FROM drivers WHERE id = ?", [id]).first }
    }

    public func drivers() async throws -> [Driver] {
        try await mirror.pool.read { db in try MirrorQueries.decodeAll(Driver.self, db, "SELECT body FROM drivers ORDER BY id") }
    }

    /// Positions only, for the map (no JSON decoding of 2,000 drivers every refresh).
    public func driverPositions() async throws -> [(id: String, lat: Double, lon: Double)] {
        try await mirror.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, lat, lon FROM drivers").map { (id: $0[0], lat: $0[1], lon: $0[2]) }
        }
    }

    /// Carriers, worst verdict first.
    public func carrier(_ id: String) async throws -> Carrier? {
        try await mirror.pool.read { db in
            try MirrorQueries.decodeAll(Carrier.self, db, "SELECT body FROM carriers WHERE id = ?", [id]).first
        }
    }

    public func carriers() async throws -> [Carrier] {
        try await mirror.pool.read { db in
            try MirrorQueries.decodeAll(Carrier.self, db, """
                SELECT body FROM carriers ORDER BY CASE verdict WHEN 'do-not-use' THEN 0 WHEN 'warn' THEN 1 ELSE 2 END, name
                """)
        }
    }

    public func carrierNames() async throws -> [String: String] {
        try await mirror.pool.read { db in
            Dictionary(try Row.fetchAll(db, sql: "SELECT id, name FROM carriers").map { ($0[0] as String, $0[1] as String) },
                       uniquingKeysWith: { a, _ in a })
        }
    }

    /// A driver's own loads in driver mode's order (`Load.driverOrder`), with which have unconfirmed edits.
    public func loads(ofDriver driverId: String) async throws -> (loads: [Load], pending: Set<String>) {
        try await mirror.pool.read { db in
            let loads = try MirrorQueries.decodeAll(Load.self, db,
                                                    "SELECT body FROM loads WHERE driver_id = ? ORDER BY pickup_at", [driverId])
            let pending = Set(try String.fetchAll(db, sql: "SELECT id FROM loads WHERE driver_id = ? AND pending = 1",
                                                  arguments: [driverId]))
            return (Load.driverOrder(loads), pending)
        }
    }

    /// Drivers who could take `load`, best first (see `DriverMatch.rank`).
    public func candidates(for load: Load, maxDeadheadMiles: Int, now: Int64, limit: Int = 50) async throws -> [DriverMatch] {
        let drivers = try await mirror.pool.read { db in
            try MirrorQueries.decodeAll(Driver.self, db, "SELECT body FROM drivers WHERE available = 1")
        }
        let carriers = Dictionary(try await carriers().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return DriverMatch.rank(load, drivers: drivers, carriers: carriers, now: now,
                                maxDeadheadMiles: maxDeadheadMiles, limit: limit)
    }
}
