/// `POST /v1/login`
public struct LoginRequest: Codable, Sendable {
    public var user: String
    public var password: String
    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }
}

/// The bearer token and who it belongs to.
public struct LoginResponse: Codable, Sendable, Hashable {
    public var token: String
    public var user: String
    public var role: Role
    public var driverId: String?
    public var organization: String

    public init(token: String, user: String, role: Role, driverId: String?, organization: String) {
        self.token = token
        self.user = user
        self.role = role
        self.driverId = driverId
        self.organization = organization
    }

    public var actor: Actor { Actor(user: user, role: role, driverId: driverId, organization: organization) }
}

/// Every error the server returns has this body, whatever the status code.
public struct ErrorBody: Codable, Sendable, Hashable {
    public struct Detail: Codable, Sendable, Hashable {
        public var code: String
        public var message: String
    }
    public var error: Detail

    public init(code: String, message: String) {
        error = Detail(code: code, message: message)
    }
}

/// `GET /health`
public struct HealthResponse: Codable, Sendable {
    public var status: String
    public var protocolVersion: Int
    public var serverTime: Int64
    public init(status: String, protocolVersion: Int, serverTime: Int64) {
        self.status = status
        self.protocolVersion = protocolVersion
        self.serverTime = serverTime
    }
}
