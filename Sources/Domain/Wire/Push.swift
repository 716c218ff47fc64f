/// `POST /v1/push`: a client's queued mutations, oldest first.
public struct PushRequest: Codable, Sendable {
    public var clientId: String
    public var mutations: [MutationEnvelope]
    public init(clientId: String, mutations: [MutationEnvelope]) {
        self.clientId = clientId
        self.mutations = mutations
    }
}

/// What happened to one pushed mutation.
public struct MutationResult: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable {
        /// Applied now.
        case applied
        /// Consumed by an earlier push whose result is no longer kept; nothing happened again.
        case duplicate
        /// Consumed without effect: the rules refused it. `rejection` says why.
        case rejected
    }
    public var id: Int64
    public var status: Status
    public var rejection: MutationRejection?
    /// This is the stored first result of a mutation consumed by an earlier push, sent again.
    public var replayed: Bool

    public init(id: Int64, status: Status, rejection: MutationRejection? = nil, replayed: Bool = false) {
        self.id = id
        self.status = status
        self.rejection = rejection
        self.replayed = replayed
    }
}

public struct PushResponse: Codable, Sendable {
    /// The highest mutation id of this client the server has consumed, after this push.
    public var lastMutationId: Int64
    public var results: [MutationResult]
    public init(lastMutationId: Int64, results: [MutationResult]) {
        self.lastMutationId = lastMutationId
        self.results = results
    }
}
