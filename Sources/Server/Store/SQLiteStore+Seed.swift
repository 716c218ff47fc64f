import Foundation
import GRDB
import Domain

extension SQLiteStore: ServerStore {
    public func writeSeed(_ batch: SeedBatch) async throws {
        try await pool.write { db in
            let encoder = JSONEncoder.wire
            let org = batch.organization
            var seq = try SQLiteStore.sequence(db)
            for carrier in batch.carriers { seq += 1; try ServerRows.put(carrier, org: org, db: db, sequence: seq, encoder: encoder) }
            for driver in batch.drivers { seq += 1; try ServerRows.put(driver, org: org, db: db, sequence: seq, encoder: encoder) }
            for user in batch.users {
                try self.putUser(db, name: user.name, passwordHash: user.passwordHash, role: user.role,
                                 driverId: user.driverId, organization: user.organization)
            }
            for row in batch.loads {
                seq += 1
                try ServerRows.put(row.load, org: org, db: db, sequence: seq, encoder: encoder)
                for event in row.events { try ServerRows.put(event, org: org, db: db, sequence: seq, encoder: encoder) }
                if let invoice = row.invoice { try ServerRows.put(invoice, org: org, db: db, sequence: seq, encoder: encoder) }
                if let payout = row.payout { try ServerRows.put(payout, org: org, db: db, sequence: seq, encoder: encoder) }
            }
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'seq'", arguments: [String(seq)])
        }
    }

    /// Nothing to release: the pool closes with the store.
    public func close() async {}
}
