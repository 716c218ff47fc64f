import Foundation

/// A `postgres://user[:password]@host[:port]/database` URL, checked before anything connects.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    /// Parses `text`; throws `ServerError.storage` saying what is wrong with it.
    public init(_ text: String) throws {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw ServerError.storage("bad database URL \(PostgresURL.redacted(text)): expected postgres://user@host:port/database")
        }
        guard let host = components.host, !host.isEmpty else {
            throw ServerError.storage("bad database URL \(PostgresURL.redacted(text)): no host")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw ServerError.storage("bad database URL \(PostgresURL.redacted(text)): no database name after the host")
        }
        guard let user = components.user, !user.isEmpty else {
            throw ServerError.storage("bad database URL \(PostgresURL.redacted(text)): no user (postgres://user@host/database)")
        }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else {
            throw ServerError.storage("bad database URL \(PostgresURL.redacted(text)): port out of range")
        }
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.host = host
        self.port = port
        self.database = database.removingPercentEncoding ?? database
    }

    /// The same server with another database (tests create one per case).
    public func with(database: String) -> PostgresURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// The URL without its password, for messages and logs.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// The text as given, password left out, for error messages.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "…"
        return components.string ?? "(unreadable)"
    }
}
