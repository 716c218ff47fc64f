/// Who is signed in, which decides what they see and may change.
public enum Role: String, Codable, Sendable, CaseIterable {
    case dispatcher, accounting, driver
}

/// The authenticated party a mutation runs for.
public struct Actor: Codable, Sendable, Hashable {
    public var user: String
    public var role: Role
    /// Set for drivers: the driver row this login is.
    public var driverId: String?
    /// The tenant whose rows this login sees and changes; the server reads and writes no other.
    public var organization: String

    public init(user: String, role: Role, driverId: String? = nil, organization: String = "") {
        self.user = user
        self.role = role
        self.driverId = driverId
        self.organization = organization
    }
}
