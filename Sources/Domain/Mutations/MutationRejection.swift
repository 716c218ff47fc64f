/// Why the rules refused a mutation. A rejection consumes the mutation: it never blocks the queue.
public struct MutationRejection: Error, Codable, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Codable, Sendable {
        case notFound = "not_found"
        case forbidden
        case notPosted = "not_posted"
        case notAssigned = "not_assigned"
        case driverUnavailable = "driver_unavailable"
        case carrierDoNotUse = "carrier_do_not_use"
        case statusBackwards = "status_backwards"
        case loadFinal = "load_final"
        case timeOrder = "time_order"
        /// What the user saw when deciding (a payout's amount, a carrier's verdict) has changed since.
        case stale
        /// The payout is not in a state that allows this action.
        case payoutState = "payout_state"
        case invalid
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension MutationRejection {
    /// The id is used by another row (perhaps another organisation's): the words are the same
    /// whoever holds it, and name nothing of that row.
    public static func idTaken(_ kind: String, _ id: String) -> MutationRejection {
        MutationRejection(.invalid, "\(kind) id \(id) cannot be used; a new one is needed")
    }
}
