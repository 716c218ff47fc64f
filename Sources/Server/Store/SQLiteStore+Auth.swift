import Foundation
import GRDB
import Domain

extension SQLiteStore {
    public func login(user: String, password: String) async throws -> LoginResponse {
        let row = try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(UserRow.columns) FROM users u WHERE u.name = ?", arguments: [user])
                .map { UserRow(row: $0) }
        }
        switch LoginDecision.decide(row: row, password: password) {
        case .refuse(let error): throw error
        case .issue(let row):
            let token = Credentials.newToken()
            let now = Int64(Date().timeIntervalSince1970)
            try await pool.write { db in
                try db.execute(sql: "INSERT INTO sessions(token_hash, user, created_at) VALUES (?, ?, ?)",
                               arguments: [Credentials.digest(of: token), row.name, now])
            }
            return LoginResponse(token: token, user: row.name, role: row.role, driverId: row.driverId,
                                 organization: row.organization)
        }
    }

    public func logout(token: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [Credentials.digest(of: token)])
        }
    }

    public func authenticate(token: String, issuedAfter: Int64) async throws -> Actor? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT \(UserRow.columns) FROM sessions s JOIN users u ON u.name = s.user
                WHERE s.token_hash = ? AND s.created_at > ? AND NOT u.disabled
                """, arguments: [Credentials.digest(of: token), issuedAfter]).map { UserRow(row: $0).actor }
        }
    }

    /// Adds or replaces a login. Seeding passes one precomputed hash for many drivers.
    func putUser(_ db: Database, name: String, passwordHash: String, role: Role, driverId: String?,
                 organization: String) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO users(name, password_hash, role, driver_id, organization) VALUES (?, ?, ?, ?, ?)
            """, arguments: [name, passwordHash, role.rawValue, driverId, organization])
    }
}

extension UserRow {
    /// A row selected with `UserRow.columns`.
    init(row: Row) {
        self.init(name: row[0], passwordHash: row[1], role: row[2], driverId: row[3], organization: row[4],
                  disabled: row[5])
    }
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
