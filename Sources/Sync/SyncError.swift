import Client
import Domain

/// Failures of the local mirror and the sync engine, worded for the console.
public enum SyncError: Error, Sendable, CustomStringConvertible {
    case mirror(String)
    /// The local rules refused the edit before it was queued.
    case rejected(MutationRejection)
    case client(ClientError)
    case notLoggedIn
    case noConflict(Int64)

    public var description: String {
        switch self {
        case .mirror(let detail): "local database: \(detail)"
        case .rejected(let rejection): rejection.message
        case .client(let error): error.description
        case .noConflict(let id): "no conflict #\(id) (list them with `dispatch conflicts`)"
        case .notLoggedIn: "not signed in: run `dispatch login --server URL --user NAME` first"
        }
    }
}
