import Foundation
import Testing
import GRDB
@testable import Sync

/// Rows bound through the C API: each row its own values, a refused binding writes nothing,
/// and GRDB's observers still see every change (the console's live views depend on them).
@Suite("Row writers")
struct RowWriterTests {
    final class Changes: TransactionObserver, @unchecked Sendable {
        var rows = 0
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { eventKind.tableName == "t" }
        func databaseDidChange(with event: DatabaseEvent) { rows += 1 }
        func databaseDidCommit(_ db: Database) {}
        func databaseDidRollback(_ db: Database) {}
    }

    @Test func oneWriterWritesEachRowWithItsOwnValuesAndObserversSeeThem() throws {
        let queue = try DatabaseQueue()
        let changes = Changes()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(id TEXT PRIMARY KEY, n INTEGER, x REAL, note TEXT)")
            db.add(transactionObserver: changes, extent: .observerLifetime)
            let writer = try RowWriter(db, sql: "INSERT INTO t(id, n, x, note) VALUES (?, ?, ?, ?)")
            for (index, note) in ["", "dé jà", nil, String(repeating: "long ", count: 200)].enumerated() {
                try writer.write { row in
                    row.text("r\(index)"); row.int(index); row.double(Double(index) / 2); row.text(note)
                }
            }
        }
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT id, n, x, note FROM t ORDER BY id") }
        #expect(rows.map { $0["id"] as String } == ["r0", "r1", "r2", "r3"])
        #expect(rows.map { $0["n"] as Int } == [0, 1, 2, 3])
        #expect(rows.map { $0["x"] as Double } == [0, 0.5, 1, 1.5])
        #expect(rows.map { $0["note"] as String? } == ["", "dé jà", nil, String(repeating: "long ", count: 200)])
        #expect(changes.rows == 4)
    }

    @Test func aRefusedBindingThrowsAndWritesNothing() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(id TEXT PRIMARY KEY)")
            let writer = try RowWriter(db, sql: "INSERT INTO t(id) VALUES (?)")
            #expect(throws: DatabaseError.self) { try writer.write { row in row.text("a"); row.text("one too many") } }
            try writer.write { row in row.text("b") }
        }
        #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT id FROM t") } == ["b"])
    }
}
