import Foundation
import GRDB
import Domain

/// Status events as the mirror holds them (server state plus pending reports replayed on top).
extension MirrorQueries {
    /// One load's events, oldest first.
    public func events(forLoad loadId: String) async throws -> [StatusEvent] {
        try await mirror.pool.read { db in
            try MirrorQueries.decodeAll(StatusEvent.self, db, "SELECT body FROM events WHERE load_id = ?", [loadId])
                .sorted(by: StatusEvent.chronological)
        }
    }

    /// The events of several loads (a driver's few), oldest first, by load id.
    public func events(forLoads loadIds: [String]) async throws -> [String: [StatusEvent]] {
        guard !loadIds.isEmpty else { return [:] }
        return try await mirror.pool.read { db in
            let marks = Array(repeating: "?", count: loadIds.count).joined(separator: ",")
            let events = try MirrorQueries.decodeAll(StatusEvent.self, db,
                                                     "SELECT body FROM events WHERE load_id IN (\(marks))",
                                                     StatementArguments(loadIds)).sorted(by: StatusEvent.chronological)
            return Dictionary(grouping: events, by: \.loadId)
        }
    }
}
