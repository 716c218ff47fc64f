import Foundation
import Testing
import GRDB
import Domain
@testable import Sync

/// A delta writes only what changed: SQLite rewrites every index over a column an UPDATE names,
/// so naming all of them made every status change rewrite eighteen indexes.
@Suite("Load writes name only the changed columns")
struct LoadWriteTests {
    /// Records the columns of every UPDATE statement run on `loads`, as SQLite reports them.
    final class UpdatedColumns: TransactionObserver, @unchecked Sendable {
        var statements: [Set<String>] = []
        var changedRows = 0
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
            if case .update(let table, let columns) = eventKind, table == "loads" { statements.append(columns) }
            return eventKind.tableName == "loads"
        }
        func databaseDidChange(with event: DatabaseEvent) { if event.tableName == "loads" { changedRows += 1 } }
        func databaseDidCommit(_ db: Database) {}
        func databaseDidRollback(_ db: Database) {}
    }

    func apply(_ loads: [Load], to fixture: BoardFixture, cursor: String) async throws -> UpdatedColumns {
        let observer = UpdatedColumns()
        try await fixture.mirror.pool.write { db in db.add(transactionObserver: observer, extent: .observerLifetime) }
        let delta = PullResponse(cursor: cursor, hasMore: false, reset: false, lastMutationId: 0,
                                 serverTime: BoardFixture.now, loads: loads)
        try await fixture.mirror.apply(try PullBatch(delta), actor: Actor(user: "dispatch", role: .dispatcher))
        return observer
    }

    @Test func anUnchangedLoadIsLeftAloneAndAChangedOneUpdatesItsColumns() async throws {
        let fixture = try await BoardFixture(count: 20)
        defer { fixture.remove() }
        let same = try await apply([fixture.loads[0], fixture.loads[1]], to: fixture, cursor: "d1")
        #expect(same.changedRows == 0, "the same rows again change nothing")

        var moved = fixture.loads[2]
        moved.status = .assigned
        moved.driverId = "D-7"
        moved.version += 1
        let changed = try await apply([moved], to: fixture, cursor: "d2")
        #expect(changed.changedRows == 1)
        let updated = changed.statements.last { !$0.isEmpty }
        #expect(updated == ["status", "driver_id", "body"], "named: \(changed.statements)")

        let stored = try fixture.mirror.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT status, driver_id, rate_cents, body FROM loads WHERE id = ?", arguments: [moved.id])
        }
        #expect(stored?["status"] == "assigned")
        #expect(stored?["driver_id"] == "D-7")
        #expect(stored?["rate_cents"] == moved.rateCents)
        let body: String? = stored?["body"]
        #expect(try JSONDecoder.wire.decode(Load.self, from: Data((body ?? "").utf8)) == moved)
    }

    @Test func aNewLoadInADeltaIsInsertedWithEveryColumn() async throws {
        let fixture = try await BoardFixture(count: 5)
        defer { fixture.remove() }
        var fresh = fixture.loads[0]
        fresh.id = "L-500"
        fresh.reference = "REF-NEW"
        let inserted = try await apply([fresh], to: fixture, cursor: "d1")
        #expect(inserted.changedRows == 1)
        let reference = try await fixture.mirror.pool.read { db in
            try String.fetchOne(db, sql: "SELECT reference FROM loads WHERE id = 'L-500'")
        }
        #expect(reference == "REF-NEW")
    }
}
