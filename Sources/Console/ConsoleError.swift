import Client
import Sync

/// Every error `dispatch` shows a user, worded in one place.
enum ConsoleError: Error, CustomStringConvertible {
    case notLoggedIn
    case badConfig(path: String, detail: String)
    case unknownLoad(String)
    case unknownDriver(String)
    case unknownPayout(String)
    case sync(SyncError)
    case client(ClientError)
    case usage(String)
    case terminal(String)
    case unsyncedEdits(Int)
    case stillRefused(id: Int64, reason: String)
    case logoutUnreachable(String)

    var description: String {
        switch self {
        case .notLoggedIn: "not signed in: run `dispatch login --server URL --user NAME` (or try `dispatch demo`)"
        case .badConfig(let path, let detail): "cannot read \(path): \(detail)"
        case .unknownLoad(let id): "no load \(id) in the local mirror (run `dispatch sync` if it is new)"
        case .unknownDriver(let id): "no driver \(id) in the local mirror"
        case .unknownPayout(let id): "no payout \(id) in the local mirror (payouts are in the dispatcher's and accounting's scope)"
        case .sync(let error): error.description
        case .client(let error): error.description
        case .usage(let message): message
        case .terminal(let message): message
        case .stillRefused(let id, let reason):
            "#\(id) would be refused again: \(reason). It stays under conflicts; discard it with `dispatch conflicts discard \(id)`"
        case .logoutUnreachable(let detail):
            "\(detail): still signed in, as the token is valid on the server until it is revoked; try again, or `dispatch logout --local` to forget it here only"
        case .unsyncedEdits(let count):
            "\(count) edit\(count == 1 ? "" : "s") not yet synced; run `dispatch sync` first, or pass --force to drop them"
        }
    }

    /// Lifts the lower layers' errors so every message comes from here.
    static func wrap(_ error: any Error) -> any Error {
        switch error {
        case let error as SyncError: ConsoleError.sync(error)
        case let error as ClientError: ConsoleError.client(error)
        default: error
        }
    }
}
