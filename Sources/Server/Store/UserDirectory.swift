/// Login administration for `dispatchd user`: both stores provide it, and the rules they apply
/// (names, passwords, roles, organisations) are `UserRules`, decided once.
public protocol UserDirectory: Sendable {
    /// Creates a login. Throws `ServerError.conflict` if the name is taken, `.notFound` if the
    /// driver or organisation does not exist, `.badRequest` if a rule refuses it.
    func addUser(_ user: NewUser) async throws
    /// Sets a new password and revokes every session of the user.
    func setPassword(user: String, password: String) async throws
    /// Disables a login (it can no longer sign in) and revokes its sessions; `enabled` undoes it.
    func setDisabled(user: String, _ disabled: Bool) async throws
    /// Every login, by name.
    func listUsers() async throws -> [UserSummary]
}
