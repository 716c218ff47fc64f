import Foundation
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
        }
        let stop = try StopProgress.stop(for: args.code, requested: args.stop, in: load)
        if let target = StopProgress.target(of: args.code, stop: stop, in: load) {
            // The status is derived from the set of events: a report of an earlier stage arriving
            // late (from another terminal that was offline) fills in the history instead of being
            // refused, as long as its time fits between the reports around it along the stops.
            if let mine = StopProgress.order(of: args.code, stop: stop, in: load) {
                for other in events {
                    guard let theirs = StopProgress.order(of: other.code, stop: other.stop, in: load) else { continue }
                    if theirs.upperBound < mine.lowerBound, other.at > args.at {
                        throw MutationRejection(.timeOrder, "\(args.code.label) at this time would be before \(other.code.label)"
                                                + Self.atStop(other.stop, of: load))
                    }
                    if args.code != .cancelled, other.code != .cancelled,
                       mine.upperBound < theirs.lowerBound, other.at < args.at {
                        throw MutationRejection(.timeOrder, "\(args.code.label) at this time would be after \(other.code.label)"
                                                + Self.atStop(other.stop, of: load))
                    }
                }
            }
            load.status = max(load.status, target)
            if target == .cancelled { load.status = .cancelled }
            StopProgress.stamp(&load, code: args.code, stop: stop, at: args.at)
            if target >= .departedPickup, load.delay == .missedPickup { load.delay = nil }
        }
        let event = StatusEvent(id: args.eventId, loadId: load.id, code: args.code, reason: args.reason,
                                at: args.at, lat: args.lat, lon: args.lon, note: args.note,
                                recordedBy: actor.user,
                                podSigner: args.podSigner?.trimmingCharacters(in: .whitespaces), stop: stop)
        try store.insert(event)
        load.version += 1
        try store.save(load)
        return .applied
    }

    /// " at stop 2" on a load of more than two stops, where it says which report is meant.
    static func atStop(_ stop: Int?, of load: Load) -> String {
        guard let stop, load.stops.count > 2 else { return "" }
        return " at stop \(stop + 1)"
    }
}
