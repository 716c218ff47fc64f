import Foundation
import GRDB
import Domain

extension SQLiteStore {
    public func addUser(_ user: NewUser) async throws {
        if let problem = UserRules.problem(user) { throw ServerError.badRequest(code: "bad_user", message: problem) }
        let hash = Credentials.hash(password: user.password)
        try await pool.write { db in
            let organizations = try String.fetchAll(db, sql: "SELECT DISTINCT organization FROM users ORDER BY 1")
            let organization = try UserRules.organization(asked: user.organization, existing: organizations).get()
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE name = ?", arguments: [user.name]) == nil else {
                throw ServerError.conflict(code: "user_exists", message: "a login named \(user.name) exists already")
            }
            if let driverId = user.driverId {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM drivers WHERE id = ? AND org = ?",
                                        arguments: [driverId, organization]) != nil else {
                    throw ServerError.notFound("no driver \(driverId) in \(organization)")
                }
            }
            try self.putUser(db, name: user.name, passwordHash: hash, role: user.role, driverId: user.driverId,
                             organization: organization)
        }
    }

    public func setPassword(user: String, password: String) async throws {
        if let problem = UserRules.problem(password: password) {
            throw ServerError.badRequest(code: "bad_password", message: problem)
        }
        let hash = Credentials.hash(password: password)
        try await pool.write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE name = ?", arguments: [hash, user])
            guard db.changesCount == 1 else { throw ServerError.notFound("no login named \(user)") }
            try db.execute(sql: "DELETE FROM sessions WHERE user = ?", arguments: [user])
        }
    }

    public func setDisabled(user: String, _ disabled: Bool) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE users SET disabled = ? WHERE name = ?", arguments: [disabled, user])
            guard db.changesCount == 1 else { throw ServerError.notFound("no login named \(user)") }
            if disabled { try db.execute(sql: "DELETE FROM sessions WHERE user = ?", arguments: [user]) }
        }
    }

    public func listUsers() async throws -> [UserSummary] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(UserRow.columns), (SELECT COUNT(*) FROM sessions s WHERE s.user = u.name)
                FROM users u ORDER BY u.name
                """).map { row in
                let user = UserRow(row: row)
                return UserSummary(name: user.name, role: user.role, driverId: user.driverId,
                                   organization: user.organization, disabled: user.disabled, sessions: row[6])
            }
        }
    }
}
