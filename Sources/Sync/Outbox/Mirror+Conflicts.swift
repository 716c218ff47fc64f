import Foundation
import GRDB
import Domain

extension Mirror {
    /// Queues a refused edit again as a new mutation, in one transaction with removing the
    /// conflict: a crash leaves it either still a conflict or queued, never lost or both.
    ///
    /// The local rules run first against the current mirror, so an edit that would be refused
    /// again for the same reason (a payout whose amount changed) stays a conflict and the
    /// error says why.
    ///
    /// - Returns: the new mutation id.
    /// - Throws: `SyncError.rejected` when the local rules refuse it, `SyncError.mirror` when
    ///   there is no such conflict.
    public func retryConflict(_ id: Int64, by actor: Actor,
                              now: Int64 = Int64(Date().timeIntervalSince1970)) async throws -> Int64 {
        do {
            return try await pool.write { db in
                let mutation = try Mirror.conflictMutation(id, db: db)
                try db.execute(sql: "DELETE FROM conflicts WHERE id = ?", arguments: [id])
                return try Mirror.enqueue(mutation, by: actor, now: now, db: db)
            }
        } catch let rejection as MutationRejection {
            throw SyncError.rejected(rejection)
        }
    }

    /// Drops a refused edit for good.
    public func discardConflict(_ id: Int64) async throws {
        try await pool.write { db in
            _ = try Mirror.conflictMutation(id, db: db)
            try db.execute(sql: "DELETE FROM conflicts WHERE id = ?", arguments: [id])
        }
    }

    static func conflictMutation(_ id: Int64, db: Database) throws -> Mutation {
        guard let json = try String.fetchOne(db, sql: "SELECT envelope FROM conflicts WHERE id = ?", arguments: [id]) else {
            throw SyncError.noConflict(id)
        }
        return try JSONDecoder.wire.decode(MutationEnvelope.self, from: Data(json.utf8)).mutation
    }
}
