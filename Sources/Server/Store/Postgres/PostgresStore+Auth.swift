import Foundation
import HummingbirdBcrypt
import PostgresNIO
import Domain

extension PostgresStore {
    public func login(user: String, password: String) async throws -> LoginResponse {
        let row = try await run("look up a login") { connection in
            try await connection.query("""
                SELECT name, password_hash, role, driver_id, organization FROM users WHERE name = \(user)
                """, logger: self.logger).collect().first
                .map { UserRow(try $0.decode((String, String, String, String?, String).self)) }
        }
        // Verify against a dummy hash for unknown users too, so timing does not reveal names.
        let hash = row?.passwordHash ?? SQLiteStore.dummyHash
        guard Bcrypt.verify(password, hash: hash), let row else { throw ServerError.badCredentials }
        let token = SQLiteStore.newToken()
        let now = Int64(Date().timeIntervalSince1970)
        _ = try await run("store a token") { connection in
            try await connection.query("""
                INSERT INTO tokens(token, "user", created_at) VALUES (\(token), \(row.name), \(now))
                """, logger: self.logger)
        }
        return LoginResponse(token: token, user: row.name, role: row.role, driverId: row.driverId,
                             organization: row.organization)
    }

    public func authenticate(token: String, issuedAfter: Int64) async throws -> Actor? {
        try await run("check a token") { connection in
            try await connection.query("""
                SELECT u.name, u.password_hash, u.role, u.driver_id, u.organization
                FROM tokens t JOIN users u ON u.name = t."user" WHERE t.token = \(token) AND t.created_at > \(issuedAfter)
                """, logger: self.logger).collect().first
                .map { UserRow(try $0.decode((String, String, String, String?, String).self)).actor }
        }
    }
}

extension UserRow {
    /// A `users` row read from PostgreSQL: name, password hash, role, driver id, organization.
    init(_ columns: (String, String, String, String?, String)) {
        name = columns.0
        passwordHash = columns.1
        role = Role(rawValue: columns.2) ?? .driver
        driverId = columns.3
        organization = columns.4
    }
}

extension PostgresStore {
    /// The driver login with the most loads still to work, for `dispatch demo --driver`.
    public func busiestDriverLogin(organization: String) async throws -> String {
        let id = try await run("find the busiest driver") { connection in
            let statement = PostgresStatement("""
                SELECT driver_id FROM loads
                WHERE org = ? AND driver_id IS NOT NULL AND status IN \(PostgresStore.activeLoadStatuses)
                GROUP BY driver_id ORDER BY COUNT(*) DESC, driver_id LIMIT 1
                """, [.text(organization)])
            return try await connection.scalar(statement.query, as: String.self, logger: self.logger)
        }
        return (id ?? "D-1").lowercased()
    }
}
