import Foundation
import GRDB
import Testing
@testable import Server

/// A database made before organisations existed keeps working: its rows become the
/// organisation its logins name, and the feed indexes move to (org, seq).
@Suite("Schema v4 on an existing SQLite database")
struct OrganizationMigrationTests {
    @Test func rowsFromBeforeBelongToTheLoginsOrganisation() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("org-migration-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let queue = try DatabaseQueue(path: path)
        try SQLiteStore.migrator.migrate(queue, upTo: "v3: GPS history")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO users(name, password_hash, role, organization) VALUES ('old', 'x', 'dispatcher', 'Old Freight');
                INSERT INTO loads(id, driver_id, status, seq, body) VALUES ('L-1', NULL, 'posted', 1, '{}');
                INSERT INTO events(id, load_id, seq, body) VALUES ('E-1', 'L-1', 1, '{}');
                """)
        }
        try queue.close()

        let store = try SQLiteStore(path: path)
        let (orgs, indexes) = try store.pool.read { db in
            (try String.fetchAll(db, sql: "SELECT org FROM loads UNION ALL SELECT org FROM events"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%seq' ORDER BY name"))
        }
        #expect(orgs == ["Old Freight", "Old Freight"])
        #expect(indexes.contains("loads_org_seq") && !indexes.contains("loads_seq"))
    }
}
