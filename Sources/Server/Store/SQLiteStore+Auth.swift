import Foundation
import GRDB
import HummingbirdBcrypt
import Domain

extension SQLiteStore {
    public func login(user: String, password: String) async throws -> LoginResponse {
        let row = try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [user])
                .map { UserRow(row: $0) }
        }
        // Verify against a dummy hash for unknown users too, so timing does not reveal names.
        let hash = row?.passwordHash ?? SQLiteStore.dummyHash
        guard Bcrypt.verify(password, hash: hash), let row else { throw ServerError.badCredentials }
        let token = SQLiteStore.newToken()
        let now = Int64(Date().timeIntervalSince1970)
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO tokens(token, user, created_at) VALUES (?, ?, ?)",
                           arguments: [token, row.name, now])
        }
        return LoginResponse(token: token, user: row.name, role: row.role, driverId: row.driverId,
                             organization: row.organization)
    }

    public func authenticate(token: String, issuedAfter: Int64) async throws -> Actor? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT u.* FROM tokens t JOIN users u ON u.name = t.user WHERE t.token = ? AND t.created_at > ?
                """, arguments: [token, issuedAfter]).map { UserRow(row: $0).actor }
        }
    }

    /// Adds or replaces a login. Seeding passes one precomputed hash for many drivers.
    func putUser(_ db: Database, name: String, passwordHash: String, role: Role, driverId: String?,
                 organization: String) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO users(name, password_hash, role, driver_id, organization) VALUES (?, ?, ?, ?, ?)
            """, arguments: [name, passwordHash, role.rawValue, driverId, organization])
    }

    static let dummyHash = Bcrypt.hash("not-a-password", cost: 8)

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }
}

/// A `users` row.
struct UserRow {
    var name: String
    var passwordHash: String
    var role: Role
    var driverId: String?
    var organization: String

    init(row: Row) {
        name = row["name"]
        passwordHash = row["password_hash"]
        role = Role(rawValue: row["role"]) ?? .driver
        driverId = row["driver_id"]
        organization = row["organization"]
    }

    var actor: Actor { Actor(user: name, role: role, driverId: driverId, organization: organization) }
}

extension SQLiteStore {
    /// The driver login with the most loads still to work, for `dispatch demo --driver`.
    public func busiestDriverLogin(organization: String) async throws -> String {
        try await pool.read { db in
            let id = try String.fetchOne(db, sql: """
                SELECT driver_id FROM loads
                WHERE org = ? AND driver_id IS NOT NULL AND status IN \(SQLiteStore.activeLoadStatuses)
                GROUP BY driver_id ORDER BY COUNT(*) DESC, driver_id LIMIT 1
                """, arguments: [organization])
            return (id ?? "D-1").lowercased()
        }
    }
}
