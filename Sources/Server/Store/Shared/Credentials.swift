import Crypto
import Foundation
import HummingbirdBcrypt

/// Passwords and bearer tokens, the same for both stores.
///
/// A token is 256 random bits shown to the client once; the database keeps only its SHA-256,
/// so a copy of the database grants no session. A plain digest is enough because the token is
/// random, not chosen by a person: there is nothing to guess, so no salt or slow hash is needed.
enum Credentials {
    /// Checked against when the user is unknown, so the time taken does not reveal which names exist.
    static let dummyHash = Bcrypt.hash("not-a-password", cost: 8)

    /// bcrypt cost for passwords set with `dispatchd user`.
    static let passwordCost: UInt8 = 10

    /// A new bearer token: 64 hex digits.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// What the database stores of a token: its SHA-256 as lowercase hex (PostgreSQL's
    /// `encode(sha256(...), 'hex')` gives the same, which migration v5 relies on).
    static func digest(of token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Checks `password` against `hash`, or against a dummy hash when there is no user.
    static func verify(_ password: String, hash: String?) -> Bool {
        Bcrypt.verify(password, hash: hash ?? dummyHash) && hash != nil
    }

    static func hash(password: String) -> String {
        Bcrypt.hash(password, cost: passwordCost)
    }
}
