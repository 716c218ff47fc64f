import Foundation
import PostgresNIO
import Domain

extension PostgresStore {
    public func login(user: String, password: String) async throws -> LoginResponse {
        let row = try await run("look up a login") { connection in
            try await connection.query(PostgresStatement("SELECT \(UserRow.columns) FROM users u WHERE u.name = ?",
                                                         [.text(user)]).query, logger: self.logger).collect().first.map { try UserRow(postgres: $0) }
        }
        switch LoginDecision.decide(row: row, password: password) {
        case .refuse(let error): throw error
        case .issue(let row):
            let token = Credentials.newToken()
            let digest = Credentials.digest(of: token)
            let now = Int64(Date().timeIntervalSince1970)
            _ = try await run("store a session") { connection in
                try await connection.query("""
                    INSERT INTO sessions(token_hash, "user", created_at) VALUES (\(digest), \(row.name), \(now))
                    """, logger: self.logger)
            }
            return LoginResponse(token: token, user: row.name, role: row.role, driverId: row.driverId,
                                 organization: row.organization)
        }
    }

    public func logout(token: String) async throws {
        let digest = Credentials.digest(of: token)
        _ = try await run("end a session") { connection in
            try await connection.query("DELETE FROM sessions WHERE token_hash = \(digest)", logger: self.logger)
        }
    }

    public func authenticate(token: String, issuedAfter: Int64) async throws -> Actor? {
        let digest = Credentials.digest(of: token)
        return try await run("check a token") { connection in
            try await connection.query(PostgresStatement("""
                SELECT \(UserRow.columns) FROM sessions s JOIN users u ON u.name = s."user"
                WHERE s.token_hash = ? AND s.created_at > ? AND NOT u.disabled
                """, [.text(digest), .int(issuedAfter)]).query, logger: self.logger)
                .collect().first.map { try UserRow(postgres: $0).actor }
        }
    }
}

extension UserRow {
    /// A row selected with `UserRow.columns`.
    init(postgres row: PostgresRow) throws {
        let (name, hash, role, driverId, organization, disabled) =
            try row.decode((String, String, String, String?, String, Bool).self)
        self.init(name: name, passwordHash: hash, role: role, driverId: driverId, organization: organization,
                  disabled: disabled)
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
