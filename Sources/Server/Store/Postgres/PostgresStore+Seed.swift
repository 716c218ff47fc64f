import Foundation
import PostgresNIO
import Domain

extension PostgresStore: ServerStore {
    /// Writes a seed batch with one multi-row statement per table, in one write transaction.
    public func writeSeed(_ batch: SeedBatch) async throws {
        try await write("write seed rows") { connection, start in
            var rows = PostgresRows()
            var seq = start
            for carrier in batch.carriers { seq += 1; try rows.add(carrier, org: batch.organization, seq: seq) }
            for driver in batch.drivers { seq += 1; try rows.add(driver, org: batch.organization, seq: seq) }
            for row in batch.loads {
                seq += 1
                try rows.add(row.load, org: batch.organization, seq: seq)
                for event in row.events { try rows.add(event, org: batch.organization, seq: seq) }
                if let invoice = row.invoice { try rows.add(invoice, org: batch.organization, seq: seq) }
                if let payout = row.payout { try rows.add(payout, org: batch.organization, seq: seq) }
            }
            try await rows.flush(connection, logger: self.logger)
            if !batch.users.isEmpty {
                try await connection.query("""
                    INSERT INTO users(name, password_hash, role, driver_id, organization)
                    SELECT n, h, r, NULLIF(d, ''), o FROM unnest(\(batch.users.map(\.name)), \(batch.users.map(\.passwordHash)),
                        \(batch.users.map(\.role.rawValue)), \(batch.users.map { $0.driverId ?? "" }),
                        \(batch.users.map(\.organization))) AS t(n, h, r, d, o)
                    ON CONFLICT (name) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
                        driver_id = EXCLUDED.driver_id, organization = EXCLUDED.organization
                    """, logger: self.logger)
            }
            try await connection.query("UPDATE meta SET value = \(String(seq)) WHERE key = 'seq'", logger: self.logger)
            return ((), seq)
        }
    }
}
