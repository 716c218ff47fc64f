import PostgresNIO

/// SQL written with `?` placeholders (as the SQLite store's shared fragments are), numbered
/// `$1, $2, …` for PostgreSQL as it is built, with the values bound in the same order.
struct PostgresStatement {
    /// A value bound to a placeholder.
    enum Value {
        case int(Int64)
        case text(String)
        case ints([Int64])
        case texts([String])
    }

    private(set) var sql = ""
    private var binds = PostgresBindings()
    private var count = 0

    init(_ fragment: String = "", _ values: [Value] = []) {
        append(fragment, values)
    }

    /// Appends `fragment`, numbering its `?`s and binding `values` to them in order.
    mutating func append(_ fragment: String, _ values: [Value] = []) {
        var remaining = values[...]
        for character in fragment {
            guard character == "?" else { sql.append(character); continue }
            count += 1
            sql += "$\(count)"
            switch remaining.popFirst() {
            case .int(let value): binds.append(value)
            case .text(let value): binds.append(value)
            case .ints(let values): binds.append(values)
            case .texts(let values): binds.append(values)
            case nil: binds.appendNull()
            }
        }
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
