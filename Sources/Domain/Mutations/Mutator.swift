/// The rules of every mutation, run authoritatively by dispatchd and optimistically by the console.
public enum Mutator {
    /// Checks the rules and writes the effects into `store`.
    ///
    /// - Throws: `MutationRejection` when the rules refuse; any other error is
    ///   the store's and means the mutation should be retried.
    @discardableResult
    public static func apply(_ mutation: Mutation, by actor: Actor, in store: some MutationStore,
                             now: Int64) throws -> MutationOutcome {
        switch mutation {
        case .assignLoad(let args): return try assign(args, by: actor, in: store)
        case .unassignLoad(let args): return try unassign(args, by: actor, in: store)
        case .recordStatus(let args): return try recordStatus(args, by: actor, in: store, now: now)
        case .addNote(let args): return try addNote(args, by: actor, in: store, now: now)
        case .approvePayout(let args): return try payout(.approve, args, by: actor, in: store)
        case .holdPayout(let args): return try payout(.hold, args, by: actor, in: store)
        case .requestQuickPay(let args): return try payout(.quickPay, args, by: actor, in: store)
        case .postLoad(let args): return try post(args, by: actor, in: store, now: now)
        case .editLoad(let args): return try edit(args, by: actor, in: store)
        case .cancelLoad(let args): return try cancel(args, by: actor, in: store, now: now)
        case .tenderLoad(let args): return try tender(args, by: actor, in: store, now: now)
        case .checkCall(let args): return try checkCall(args, by: actor, in: store, now: now)
        case .addCarrier(let args): return try addCarrier(args, by: actor, in: store, now: now)
        case .markCarrier(let args): return try markCarrier(args, by: actor, in: store, now: now)
        case .addDriver(let args): return try addDriver(args, by: actor, in: store, now: now)
        case .setDriverDuty(let args): return try setDuty(args, by: actor, in: store, now: now)
        }
    }

    static func requireLoad(_ id: String, in store: some MutationStore) throws -> Load {
        guard let load = try store.load(id) else {
            throw MutationRejection(.notFound, "no load \(id)")
        }
        return load
    }

    static func requireDispatcher(_ actor: Actor, to action: String) throws {
        guard actor.role == .dispatcher else {
            throw MutationRejection(.forbidden, "a \(actor.role.rawValue) may not \(action)")
        }
    }
}
