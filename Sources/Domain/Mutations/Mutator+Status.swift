extension Mutator {
    static func recordStatus(_ args: Mutation.RecordStatus, by actor: Actor,
                             in store: some MutationStore, now: Int64) throws -> MutationOutcome {
        // The event id is the idempotency key: the same report arriving twice is one fact.
        if try store.event(args.eventId) != nil { return .alreadyRecorded }
        var load = try requireLoad(args.loadId, in: store)
        switch actor.role {
        case .accounting:
            throw MutationRejection(.forbidden, "accounting may not record load status")
        case .driver:
            guard load.driverId != nil, load.driverId == actor.driverId else {
                throw MutationRejection(.forbidden, "\(load.id) is not assigned to you")
            }
        case .dispatcher:
            break
        }
        if args.at > now + 15 * 60 {
            throw MutationRejection(.invalid, "a status cannot be recorded in the future")
        }
        let events = try store.events(forLoad: load.id)
        if args.code == .cancelled {
            guard load.status < .arrivedPickup || load.status == .cancelled else {
                throw MutationRejection(.loadFinal, "\(load.id) is \(load.status.label) and can no longer be cancelled")
            }
        } else if load.status.isFinal, !(load.status == .delivered && (args.code.status.map { $0 < .delivered } ?? false)) {
            // A delivered load still takes late reports of earlier stages (history); nothing else.
            throw MutationRejection(.loadFinal, "\(load.id) is \(load.status.label)")
        } else if load.driverId == nil {
            throw MutationRejection(.notAssigned, "\(load.id) has no driver yet")
        }

        if let signer = args.podSigner {
            guard args.code == .delivered else {
                throw MutationRejection(.invalid, "only a delivery (POD) carries a signer")
            }
            if let problem = Mutation.RecordStatus.signerProblem(signer) { throw MutationRejection(.invalid, problem) }
        }
        if args.code == .delayed {
            guard let reason = args.reason else {
                throw MutationRejection(.invalid, "a delay needs an X12 reason code (A1, AY, AH, AI, AO, B1)")
            }
            load.delay = reason
        } else if let target = args.code.status {
            // The status is derived from the set of events: a report of an earlier stage arriving
            // late (from another terminal that was offline) fills in the history instead of being
            // refused, as long as its time fits between the stages around it.
            if let earlier = events.first(where: { ($0.code.status.map { $0 < target } ?? false) && $0.at > args.at }) {
                throw MutationRejection(.timeOrder,
                                        "\(args.code.label) at this time would be before \(earlier.code.label)")
            }
            if target != .cancelled,
               let later = events.first(where: { ($0.code.status.map { $0 > target && $0 != .cancelled } ?? false) && $0.at < args.at }) {
                throw MutationRejection(.timeOrder,
                                        "\(args.code.label) at this time would be after \(later.code.label)")
            }
            load.status = max(load.status, target)
            if target == .cancelled { load.status = .cancelled }
            stamp(&load, code: args.code, at: args.at)
            if target >= .departedPickup, load.delay == .missedPickup { load.delay = nil }
        }
        let event = StatusEvent(id: args.eventId, loadId: load.id, code: args.code, reason: args.reason,
                                at: args.at, lat: args.lat, lon: args.lon, note: args.note,
                                recordedBy: actor.user,
                                podSigner: args.podSigner?.trimmingCharacters(in: .whitespaces))
        try store.insert(event)
        load.version += 1
        try store.save(load)
        return .applied
    }

    /// Writes the actual arrive/depart time onto the stop the event is about.
    private static func stamp(_ load: inout Load, code: StatusCode, at: Int64) {
        func update(_ kind: Stop.Kind, _ change: (inout Stop) -> Void) {
            let index = kind == .pickup
                ? load.stops.firstIndex { $0.kind == .pickup }
                : load.stops.lastIndex { $0.kind == .delivery }
            if let index { change(&load.stops[index]) }
        }
        switch code {
        case .arrivedPickup: update(.pickup) { $0.arrivedAt = $0.arrivedAt ?? at }
        case .departedPickup: update(.pickup) { $0.departedAt = $0.departedAt ?? at }
        case .arrivedDelivery: update(.delivery) { $0.arrivedAt = $0.arrivedAt ?? at }
        case .departedDelivery, .delivered: update(.delivery) { $0.departedAt = $0.departedAt ?? at }
        default: break
        }
    }
}
