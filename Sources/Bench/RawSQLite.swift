import Foundation
import GRDB
import GRDBSQLite

/// The floor: the same statement through the SQLite C API, stepping every row and
/// reading every column, with no Swift values built.
final class RawSQLite {
    private var db: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    init(path: String, writable: Bool = false) throws {
        guard sqlite3_open_v2(path, &db, writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            throw BenchError("raw sqlite cannot open \(path)")
        }
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close(db)
    }

    /// Runs `sql` with `arguments`; returns the number of rows.
    func run(_ sql: String, _ arguments: [DatabaseValue]) throws -> Int {
        let statement: OpaquePointer
        if let cached = statements[sql] {
            statement = cached
        } else {
            var prepared: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &prepared, nil) == SQLITE_OK, let prepared else {
                throw BenchError("raw sqlite cannot prepare: \(String(cString: sqlite3_errmsg(db)))")
            }
            statements[sql] = prepared
            statement = prepared
        }
        sqlite3_reset(statement)
        for (index, value) in arguments.enumerated() {
            let position = Int32(index + 1)
            switch value.storage {
            case .int64(let int): sqlite3_bind_int64(statement, position, int)
            case .double(let double): sqlite3_bind_double(statement, position, double)
            case .string(let string): sqlite3_bind_text(statement, position, string, -1, SQLITE_TRANSIENT_BENCH)
            case .null: sqlite3_bind_null(statement, position)
            case .blob: throw BenchError("blob arguments are not used by the board")
            }
        }
        var rows = 0
        var checksum = 0
        sqlite3_busy_timeout(db, 5_000)
        while sqlite3_step(statement) == SQLITE_ROW {
            rows += 1
            for column in 0..<sqlite3_column_count(statement) {
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: checksum &+= Int(sqlite3_column_int64(statement, column))
                case SQLITE_TEXT: checksum &+= Int(sqlite3_column_bytes(statement, column))
                default: break
                }
            }
        }
        if checksum == 42 { FileHandle.standardError.write(Data()) }
        return rows
    }
}

let SQLITE_TRANSIENT_BENCH = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
