import Foundation
extension Mutator {
    /// Cancels before pickup: an X12 CA event carrying the reason, and the load ends its life.
    static func cancel(_ args: Mutation.CancelLoad, by actor: Actor, in store: some MutationStore,
                       now: Int64) throws -> MutationOutcome {
        try requireDispatcher(actor, to: "cancel loads")
        if try store.event(args.eventId) != nil { return .alreadyRecorded }
        var load = try requireLoad(args.loadId, in: store)
        if load.status == .cancelled { throw MutationRejection(.loadFinal, "\(load.id) is already cancelled") }
        guard load.status < .arrivedPickup else {
            throw MutationRejection(.loadFinal, "\(load.id) is \(load.status.label); only a load not yet picked up can be cancelled")
        }
        if args.at > now + 15 * 60 { throw MutationRejection(.invalid, "a cancellation cannot be dated in the future") }
        let note = args.note?.trimmingCharacters(in: .whitespaces)
        if let note, let problem = LoadRules.textProblem(note, limit: 200, required: false) {
            throw MutationRejection(.invalid, "note: \(problem)")
        }
        if args.reason == .other, note?.isEmpty ?? true {
            throw MutationRejection(.invalid, "note: say why when the reason is 'other'")
        }
        let text = args.reason.label + (note.map { $0.isEmpty ? "" : ": \($0)" } ?? "")
        try store.insert(StatusEvent(id: args.eventId, loadId: load.id, code: .cancelled, at: args.at, note: text,
                                     recordedBy: actor.user))
        load.status = .cancelled
        load.version += 1
        try store.save(load)
        return .applied
    }

    /// Tenders an assigned load to its carrier (X12 DP): the carrier must still be usable.
    static func tender(_ args: Mutation.TenderLoad, by actor: Actor, in store: some MutationStore,
                       now: Int64) throws -> MutationOutcome {
        try requireDispatcher(actor, to: "tender loads")
        if try store.event(args.eventId) != nil { return .alreadyRecorded }
        var load = try requireLoad(args.loadId, in: store)
        guard load.status == .assigned, let carrierId = load.carrierId else {
            let what = load.status == .posted ? "has no carrier yet; assign it first" : "is \(load.status.label), not assigned"
            throw MutationRejection(.notAssigned, "\(load.id) \(what)")
        }
        guard let carrier = try store.carrier(carrierId) else {
            throw MutationRejection(.notFound, "no carrier \(carrierId) for \(load.id)")
        }
        guard carrier.verdict != .doNotUse else {
            throw MutationRejection(.carrierDoNotUse, "carrier \(carrier.name) is do-not-use: \(carrier.verdictReason)")
        }
        if args.at > now + 15 * 60 { throw MutationRejection(.invalid, "a tender cannot be dated in the future") }
        try store.insert(StatusEvent(id: args.eventId, loadId: load.id, code: .dispatched, at: args.at,
                                     note: "tendered to \(carrier.name)", recordedBy: actor.user))
        load.status = .dispatched
        load.version += 1
        try store.save(load)
        return .applied
    }
}
