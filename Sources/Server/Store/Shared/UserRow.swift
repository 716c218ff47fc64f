import Domain

/// A `users` row as both stores read it.
struct UserRow {
    var name: String
    var passwordHash: String
    var role: Role
    var driverId: String?
    var organization: String
    var disabled: Bool

    init(name: String, passwordHash: String, role: String, driverId: String?, organization: String, disabled: Bool) {
        self.name = name
        self.passwordHash = passwordHash
        self.role = Role(rawValue: role) ?? .driver
        self.driverId = driverId
        self.organization = organization
        self.disabled = disabled
    }

    var actor: Actor { Actor(user: name, role: role, driverId: driverId, organization: organization) }

    /// The columns both stores select, in the order `init` takes them.
    static let columns = "u.name, u.password_hash, u.role, u.driver_id, u.organization, u.disabled"
}

/// What a login decides once the row (if any) is read: the same for both stores.
enum LoginDecision {
    /// Issue a token for this user (the store keeps only its digest).
    case issue(UserRow)
    case refuse(ServerError)

    static func decide(row: UserRow?, password: String) -> LoginDecision {
        // Verify even for unknown users, so timing does not reveal names.
        guard Credentials.verify(password, hash: row?.passwordHash), let row else {
            return .refuse(.badCredentials)
        }
        guard !row.disabled else { return .refuse(.accountDisabled) }
        return .issue(row)
    }
}
