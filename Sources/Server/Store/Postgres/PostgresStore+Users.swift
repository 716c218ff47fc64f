import PostgresNIO
import Domain

extension PostgresStore {
    public func addUser(_ user: NewUser) async throws {
        if let problem = UserRules.problem(user) { throw ServerError.badRequest(code: "bad_user", message: problem) }
        let hash = Credentials.hash(password: user.password)
        try await run("add a login") { connection in
            try await PostgresStore.transaction(connection, begin: "BEGIN ISOLATION LEVEL SERIALIZABLE",
                                                logger: self.logger) { connection in
                let organizations = try await connection.query(
                    "SELECT DISTINCT organization FROM users ORDER BY 1", logger: self.logger)
                    .collect().map { try $0.decode(String.self) }
                let organization = try UserRules.organization(asked: user.organization, existing: organizations).get()
                if let driverId = user.driverId {
                    let found = try await connection.query(
                        "SELECT 1 FROM drivers WHERE id = \(driverId) AND org = \(organization)", logger: self.logger)
                        .collect()
                    guard !found.isEmpty else { throw ServerError.notFound("no driver \(driverId) in \(organization)") }
                }
                let inserted = try await connection.query("""
                    INSERT INTO users(name, password_hash, role, driver_id, organization)
                    VALUES (\(user.name), \(hash), \(user.role.rawValue), \(user.driverId), \(organization))
                    ON CONFLICT (name) DO NOTHING RETURNING name
                    """, logger: self.logger).collect()
                guard !inserted.isEmpty else {
                    throw ServerError.conflict(code: "user_exists", message: "a login named \(user.name) exists already")
                }
            }
        }
    }

    public func setPassword(user: String, password: String) async throws {
        if let problem = UserRules.problem(password: password) {
            throw ServerError.badRequest(code: "bad_password", message: problem)
        }
        let hash = Credentials.hash(password: password)
        try await changeUser(user, doing: "set a password") { connection in
            try await connection.query("UPDATE users SET password_hash = \(hash) WHERE name = \(user) RETURNING name",
                                       logger: self.logger).collect()
        }
    }

    public func setDisabled(user: String, _ disabled: Bool) async throws {
        try await changeUser(user, doing: "disable a login", revoking: disabled) { connection in
            try await connection.query("UPDATE users SET disabled = \(disabled) WHERE name = \(user) RETURNING name",
                                       logger: self.logger).collect()
        }
    }

    /// Runs `update` (which returns the rows it changed) and, if it found the user, revokes its sessions.
    private func changeUser(_ user: String, doing: String, revoking: Bool = true,
                            _ update: @escaping (PostgresConnection) async throws -> [PostgresRow]) async throws {
        try await run(doing) { connection in
            try await PostgresStore.transaction(connection, begin: "BEGIN", logger: self.logger) { connection in
                guard !(try await update(connection)).isEmpty else {
                    throw ServerError.notFound("no login named \(user)")
                }
                if revoking {
                    try await connection.query("DELETE FROM sessions WHERE \"user\" = \(user)", logger: self.logger)
                }
            }
        }
    }

    public func listUsers() async throws -> [UserSummary] {
        try await run("list logins") { connection in
            try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT \(UserRow.columns), (SELECT COUNT(*) FROM sessions s WHERE s."user" = u.name)
                FROM users u ORDER BY u.name
                """), logger: self.logger).collect().map { row in
                let user = try UserRow(postgres: row)
                let columns = try row.decode((String, String, String, String?, String, Bool, Int64).self)
                return UserSummary(name: user.name, role: user.role, driverId: user.driverId,
                                   organization: user.organization, disabled: user.disabled, sessions: Int(columns.6))
            }
        }
    }
}
