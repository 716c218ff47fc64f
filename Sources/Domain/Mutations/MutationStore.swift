/// What the mutators read and write. The server implements it over its database
/// inside the push transaction; the console implements it over the mirror for
/// optimistic application and rebase. The rules in `Mutator` never know which.
public protocol MutationStore {
    func load(_ id: String) throws -> Load?
    func driver(_ id: String) throws -> Driver?
    func carrier(_ id: String) throws -> Carrier?
    func event(_ id: String) throws -> StatusEvent?
    func events(forLoad loadId: String) throws -> [StatusEvent]
    func payout(_ id: String) throws -> Payout?
    func save(_ load: Load) throws
    func insert(_ event: StatusEvent) throws
    func save(_ payout: Payout) throws
    func save(_ carrier: Carrier) throws
    func save(_ driver: Driver) throws
}

/// What a mutation did when it was accepted.
public enum MutationOutcome: String, Codable, Sendable {
    /// The rules ran and changed state.
    case applied
    /// The same fact was already recorded (an event id seen before); nothing changed.
    case alreadyRecorded
}
