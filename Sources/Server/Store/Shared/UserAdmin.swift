import Domain

/// A login to create with `dispatchd user add`.
public struct NewUser: Sendable {
    public var name: String
    public var password: String
    public var role: Role
    public var driverId: String?
    /// nil: the database's only organisation.
    public var organization: String?

    public init(name: String, password: String, role: Role, driverId: String?, organization: String?) {
        self.name = name
        self.password = password
        self.role = role
        self.driverId = driverId
        self.organization = organization
    }
}

/// One login as `dispatchd user list` shows it (never its hash).
public struct UserSummary: Sendable, Codable, Equatable {
    public var name: String
    public var role: Role
    public var driverId: String?
    public var organization: String
    public var disabled: Bool
    /// Sessions (tokens) not revoked, expired ones included until they are swept.
    public var sessions: Int
}

/// The rules of user administration, decided once for both stores.
public enum UserRules {
    /// Why `name` cannot be a login name, or nil.
    public static func problem(name: String) -> String? {
        guard !name.isEmpty else { return "the user name is empty" }
        guard name.count <= 64 else { return "the user name is longer than 64 characters" }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.@")
        guard name.allSatisfy({ allowed.contains($0) }) else {
            return "the user name may hold lowercase letters, digits and - _ . @ only"
        }
        return nil
    }

    /// Why `password` cannot be set, or nil. bcrypt reads at most 72 bytes.
    public static func problem(password: String) -> String? {
        guard password.count >= 8 else { return "the password must be at least 8 characters" }
        guard password.utf8.count <= 72 else { return "the password must be at most 72 bytes (bcrypt reads no more)" }
        guard !password.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 32 } == true }) else {
            return "the password must not hold control characters"
        }
        return nil
    }

    /// Why this role and driver id do not go together, or nil.
    public static func problem(role: Role, driverId: String?) -> String? {
        switch (role, driverId) {
        case (.driver, nil): "a driver login needs --driver (the driver id, e.g. D-12)"
        case (.driver, _): nil
        case (_, .some): "only a driver login takes --driver"
        case (_, nil): nil
        }
    }

    /// The first problem of a whole request, or nil.
    public static func problem(_ user: NewUser) -> String? {
        problem(name: user.name) ?? problem(password: user.password) ?? problem(role: user.role, driverId: user.driverId)
    }

    /// The organisation a new login joins: the one asked for, which must exist, or the only one.
    static func organization(asked: String?, existing: [String]) -> Result<String, ServerError> {
        if let asked {
            return existing.contains(asked) ? .success(asked)
                : .failure(.notFound("no organisation \(asked); there are: \(existing.joined(separator: ", "))"))
        }
        switch existing.count {
        case 0: return .failure(.badRequest(code: "no_organization", message: "the database has no organisation yet: seed it or pass --organization"))
        case 1: return .success(existing[0])
        default: return .failure(.badRequest(code: "which_organization",
                                             message: "several organisations: pass --organization (one of \(existing.joined(separator: ", ")))"))
        }
    }
}
