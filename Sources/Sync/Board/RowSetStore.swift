import GRDB
import GRDBSQLite

/// One mirror connection's SQL function `loads_in_rowset(rowid)`, which tests a row against the
/// set the running statement walks with, and the way to the sets all connections share.
///
/// Confined to its connection like the connection itself. Sets are kept (`RowSetStores`) while
/// the search tables are unchanged (`search_version`, counted by their triggers in the same
/// transactions), so paging and re-sorting the same search do not build them again, and a sync
/// that moves drivers or changes statuses keeps them; one that changes a load's text or stops
/// drops them.
final class RowSetStore {
    static let functionName = "loads_in_rowset"
    private weak var owner: RowSetStores?

    /// The set the running statement tests rows against, and how many more rows it may test.
    fileprivate var active = RowSet()
    fileprivate var remaining = Int.max
    /// The last walk stopped because it tested more rows than it was allowed.
    fileprivate(set) var exhausted = false

    init(owner: RowSetStores) { self.owner = owner }

    /// Registers the SQL function on `db`; the connection keeps the store alive.
    func install(on db: Database) {
        let context = Unmanaged.passRetained(self).toOpaque()
        sqlite3_create_function_v2(db.sqliteConnection, RowSetStore.functionName, 1, SQLITE_UTF8, context,
                                   rowSetContains, nil, nil, releaseRowSetStore)
    }

    /// The set of `list` as this connection's snapshot sees it: shared by every connection that
    /// reads the same `search_version`, built here when none has it yet.
    func set(_ db: Database, _ list: RowList) throws -> RowSet {
        let key = "\(try Mirror.searchVersion(db))\u{1E}\(list.key)"
        if let known = owner?.set(key) { return known }
        let set = try RowSetStore.build(db, list)
        owner?.keep(set, key)
        return set
    }

    /// Steps the list's statement through the C API: a GRDB cursor doubled the cost of a
    /// 50,000-row list, which the user waits for when a search is typed.
    static func build(_ db: Database, _ list: RowList) throws -> RowSet {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db.sqliteConnection, list.sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: list.sql)
        }
        defer { sqlite3_finalize(statement) }
        for (index, value) in list.arguments.enumerated() {
            let position = Int32(index + 1)
            switch value.storage {
            case .int64(let number): sqlite3_bind_int64(statement, position, number)
            case .double(let number): sqlite3_bind_double(statement, position, number)
            case .string(let text): sqlite3_bind_text(statement, position, text, -1, sqliteTransient)
            default: sqlite3_bind_null(statement, position)
            }
        }
        var set = RowSet()
        while true {
            let code = sqlite3_step(statement)
            guard code == SQLITE_ROW else {
                guard code == SQLITE_DONE else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: list.sql)
                }
                return set
            }
            set.insert(sqlite3_column_int64(statement, 0))
        }
    }

    /// Runs `body` with `set` as the one `loads_in_rowset` tests, allowing at most `budget` tests.
    func walking<T>(_ set: RowSet, budget: Int, _ body: () throws -> T) rethrows -> T {
        active = set
        remaining = budget
        exhausted = false
        defer {
            active = RowSet()
            remaining = Int.max
        }
        return try body()
    }
}

/// `loads_in_rowset(rowid)`: 1 when the row is in the active set. Past the walk's budget it fails
/// the statement, so a walk that finds too few rows gives way to another plan.
private func rowSetContains(_ context: OpaquePointer?, _ argc: Int32, _ argv: UnsafeMutablePointer<OpaquePointer?>?) {
    guard let pointer = sqlite3_user_data(context), let argv else { return }
    let store = Unmanaged<RowSetStore>.fromOpaque(pointer).takeUnretainedValue()
    store.remaining -= 1
    if store.remaining < 0 {
        store.exhausted = true
        sqlite3_result_error(context, "row set walk over budget", -1)
        return
    }
    sqlite3_result_int(context, store.active.contains(sqlite3_value_int64(argv[0])) ? 1 : 0)
}

/// SQLite copies the bound text (`SQLITE_TRANSIENT`, a macro Swift cannot import).
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

private func releaseRowSetStore(_ pointer: UnsafeMutableRawPointer?) {
    guard let pointer else { return }
    Unmanaged<RowSetStore>.fromOpaque(pointer).release()
}
