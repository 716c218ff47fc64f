import GRDB
import GRDBSQLite

/// An upsert bound through SQLite's C API: one per table for the rows of a pulled page.
///
/// A snapshot writes 276,540 rows per 100,000 loads. Through GRDB's `execute(arguments:)` each
/// row looked its statement up by SQL text, boxed every value into an array of existentials and
/// then into `DatabaseValue`s. The statement is still GRDB's cached one, held here so the page
/// finds it once, and GRDB still runs it, so transaction observers see every change; only the
/// binding goes around GRDB.
struct RowWriter {
    private let statement: Statement

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        // Marks the (empty) arguments as bound: `execute()` then resets and steps with the
        // values bound below, instead of validating and binding arguments of its own.
        statement.setUncheckedArguments(StatementArguments())
    }

    /// Binds one row's values in order (`fill`) and runs the statement.
    func write(_ fill: (inout RowBinder) -> Void) throws {
        // A stepped statement refuses new bindings until it is reset (GRDB resets it only when it
        // runs it again, after the binding).
        sqlite3_reset(statement.sqliteStatement)
        var binder = RowBinder(statement: statement.sqliteStatement)
        fill(&binder)
        guard binder.failure == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: binder.failure), message: "cannot bind parameter \(binder.failedIndex)",
                                sql: statement.sql)
        }
        try statement.execute()
    }
}

/// Binds a row's values to the parameters of a `RowWriter`'s statement, one after the other.
struct RowBinder {
    fileprivate let statement: OpaquePointer
    private var index: Int32 = 1
    /// The first binding SQLite refused, if any: the row is then not written.
    fileprivate(set) var failure = SQLITE_OK
    fileprivate(set) var failedIndex: Int32 = 0

    private mutating func check(_ code: Int32) {
        if code != SQLITE_OK, failure == SQLITE_OK { failure = code; failedIndex = index }
        index += 1
    }

    fileprivate init(statement: OpaquePointer) { self.statement = statement }

    mutating func text(_ value: String) {
        var value = value
        let statement = statement, index = index
        let code = value.withUTF8 { bytes in
            if let base = bytes.baseAddress {
                return sqlite3_bind_text(statement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                         Int32(bytes.count), sqliteTransient)
            }
            return sqlite3_bind_text(statement, index, "", 0, sqliteTransient)
        }
        check(code)
    }

    mutating func text(_ value: String?) {
        if let value { text(value) } else { null() }
    }

    mutating func int(_ value: Int64) {
        check(sqlite3_bind_int64(statement, index, value))
    }

    mutating func int(_ value: Int) { int(Int64(value)) }
    mutating func bool(_ value: Bool) { int(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        check(sqlite3_bind_double(statement, index, value))
    }

    mutating func null() {
        check(sqlite3_bind_null(statement, index))
    }
}

/// SQLite copies the bound text (`SQLITE_TRANSIENT`, a macro Swift cannot import).
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
