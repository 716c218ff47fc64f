import Domain

/// What a push does, decided once for both stores before any mutation runs; each store then
/// executes it in its own write transaction (GRDB's synchronous one, postgres-nio's async one).
///
/// - A client id belongs to the first user who pushed with it; another user's push is refused.
/// - Mutation ids run on without gaps: the first new id must be the client's last + 1.
/// - Ids at or below the client's last were consumed already: they are answered from the stored
///   result (a lost response retried), never applied twice.
struct PushPlan: Sendable {
    enum Step: Sendable {
        /// Answer with the stored result of this mutation id.
        case replay(Int64)
        /// Run the rules on this mutation.
        case apply(MutationEnvelope)
    }

    let steps: [Step]
    /// The client id is new: register it to the pushing user.
    let registersClient: Bool

    /// - Parameters:
    ///   - owner: the user the client id is registered to, nil if it is new.
    ///   - lastMutationId: the client's last consumed mutation id (0 if new).
    init(_ request: PushRequest, actor: Actor, owner: String?, lastMutationId last: Int64) throws {
        if let owner, owner != actor.user { throw ServerError.clientOwnedByAnotherUser }
        if let first = request.mutations.first, first.id > last + 1 {
            throw ServerError.mutationGap(expected: last + 1, got: first.id)
        }
        steps = request.mutations.map { $0.id <= last ? .replay($0.id) : .apply($0) }
        registersClient = owner == nil
    }

    /// The mutations that run the rules, in order.
    var fresh: [MutationEnvelope] {
        steps.compactMap { if case .apply(let envelope) = $0 { envelope } else { nil } }
    }
}

/// The sequence number policy, one for both stores: **one number per push**, taken when its
/// first mutation is applied. Every row the push writes (loads, events, payouts, carriers,
/// drivers, scope exits, its stored results) carries it, so the feed shows a push whole or not
/// at all (a pull page ends on a sequence boundary), and a push that applies nothing (only
/// rejections or replays) takes none. A store that takes the number inside a step it then rolls
/// back (a rejected mutation's savepoint) restores the value it had before the step.
/// docs/protocol.md, "Sequence numbers", says the same.
struct PushSequence: Sendable {
    private(set) var value: Int64?

    /// The push's number: taken from `next` the first time, the same one after.
    mutating func take(_ next: () throws -> Int64) rethrows -> Int64 {
        if let value { return value }
        let taken = try next()
        value = taken
        return taken
    }

    mutating func take(_ next: () async throws -> Int64) async rethrows -> Int64 {
        if let value { return value }
        let taken = try await next()
        value = taken
        return taken
    }
}
