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

    /// What `loads_in_rowset` reads on every index entry a walk tests. A raw block rather than
    /// properties of this object: reaching the set through the object retained and released its
    /// storage and checked exclusive access on every call, and a walk calls it tens of thousands
    /// of times.
    struct Walk {
        /// The active set's words, valid while `walking` runs; nil tests every row false.
        var words: UnsafePointer<UInt64>?
        var wordCount = 0
        /// How many more rows the walk may test.
        var remaining = Int.max
        /// The last walk stopped because it tested more rows than it was allowed.
        var exhausted = false
    }
    private let walk: UnsafeMutablePointer<Walk>

    /// The last walk stopped because it tested more rows than it was allowed.
    var exhausted: Bool { walk.pointee.exhausted }

    init(owner: RowSetStores) {
        self.owner = owner
        walk = .allocate(capacity: 1)
        walk.initialize(to: Walk())
    }

    deinit {
        walk.deinitialize(count: 1)
        walk.deallocate()
    }

    /// Registers the SQL function on `db`; the connection keeps the store (and so its block) alive.
    func install(on db: Database) {
        let retained = Unmanaged.passRetained(self)
        // The function reads the block directly; the store is released when SQLite drops the function.
        sqlite3_create_function_v2(db.sqliteConnection, RowSetStore.functionName, 1, SQLITE_UTF8, UnsafeMutableRawPointer(walk),
                                   rowSetContains, nil, nil, nil)
        sqlite3_create_function_v2(db.sqliteConnection, RowSetStore.keeperName, 0, SQLITE_UTF8, retained.toOpaque(),
                                   keeperResult, nil, nil, releaseRowSetStore)
    }

    /// A function nothing calls, whose destructor releases the store when its connection closes
    /// (or when a new store replaces it). It has a body: SQLite reads one with none as a deletion.
    static let keeperName = "loads_rowset_keeper"

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
        try set.words.withUnsafeBufferPointer { words in
            walk.pointee = Walk(words: words.baseAddress, wordCount: words.count, remaining: budget, exhausted: false)
            defer {
                walk.pointee.words = nil
                walk.pointee.wordCount = 0
                walk.pointee.remaining = Int.max
            }
            return try body()
        }
    }
}

/// `loads_in_rowset(rowid)`: 1 when the row is in the active set. Past the walk's budget it fails
/// the statement, so a walk that finds too few rows gives way to another plan.
private func rowSetContains(_ context: OpaquePointer?, _ argc: Int32, _ argv: UnsafeMutablePointer<OpaquePointer?>?) {
    guard let raw = sqlite3_user_data(context), let argv else { return }
    let walk = raw.assumingMemoryBound(to: RowSetStore.Walk.self)
    walk.pointee.remaining -= 1
    if walk.pointee.remaining < 0 {
        walk.pointee.exhausted = true
        sqlite3_result_error(context, "row set walk over budget", -1)
        return
    }
    let rowid = sqlite3_value_int64(argv[0])
    let word = Int(truncatingIfNeeded: rowid >> 6)
    let found = rowid >= 0 && word < walk.pointee.wordCount
        && walk.pointee.words.map { $0[word] & (UInt64(1) << UInt64(rowid & 63)) != 0 } == true
    sqlite3_result_int(context, found ? 1 : 0)
}

/// `loads_rowset_keeper()`: NULL.
private func keeperResult(_ context: OpaquePointer?, _ argc: Int32, _ argv: UnsafeMutablePointer<OpaquePointer?>?) {
    sqlite3_result_null(context)
}

private func releaseRowSetStore(_ pointer: UnsafeMutableRawPointer?) {
    guard let pointer else { return }
    Unmanaged<RowSetStore>.fromOpaque(pointer).release()
}
