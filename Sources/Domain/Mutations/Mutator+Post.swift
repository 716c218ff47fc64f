import Foundation
extension Mutator {
    static func post(_ args: Mutation.PostLoad, by actor: Actor, in store: some MutationStore,
                     now: Int64) throws -> MutationOutcome {
        try requireDispatcher(actor, to: "post loads")
        guard LoadID.isValid(args.loadId) else {
            throw MutationRejection(.invalid, "'\(args.loadId.prefix(30))' is not a load id (L- and up to 24 letters or digits)")
        }
        if let existing = try store.load(args.loadId) {
            // A retried import or a post sent twice: the same load, nothing to do.
            if existing.shipper == args.terms.shipper, existing.reference == args.terms.reference { return .alreadyRecorded }
            throw MutationRejection.idTaken("load", args.loadId)
        }
        if args.at > now + 15 * 60 { throw MutationRejection(.invalid, "a load cannot be posted in the future") }
        if let problem = LoadRules.problems(args.terms).first { throw MutationRejection(.invalid, problem.description) }
        if let last = args.terms.stops.last, last.windowEnd < args.at {
            throw MutationRejection(.invalid, "stop \(args.terms.stops.count) window: closed before the load was posted")
        }
        let resolved = try resolved(args.terms)
        let terms = args.terms
        var load = Load(id: args.loadId, reference: trim(terms.reference), shipper: trim(terms.shipper),
                        stops: resolved.stops, equipment: terms.equipment.trimmingCharacters(in: .whitespaces).uppercased(),
                        fullLoad: terms.fullLoad, weightLbs: terms.weightLbs, lengthFt: terms.lengthFt,
                        commodity: trim(terms.commodity), hazmat: terms.hazmat, miles: resolved.miles,
                        rateCents: resolved.rateCents, rateKind: terms.rateKind, postedAt: args.at)
        load.unitRateCents = resolved.unitRateCents
        try store.save(load)
        return .applied
    }

    static func edit(_ args: Mutation.EditLoad, by actor: Actor, in store: some MutationStore) throws -> MutationOutcome {
        try requireDispatcher(actor, to: "edit loads")
        var load = try requireLoad(args.loadId, in: store)
        let current = Mutation.LoadTerms(load)
        if load.version != args.seenVersion {
            let moved = args.seen.changes(to: current)
            let what = moved.isEmpty ? "" : ": " + moved.joined(separator: ", ")
            throw MutationRejection(.stale, "\(load.id) changed since you opened it (now \(load.status.label), "
                                    + "version \(load.version))\(what); open it again to edit")
        }
        let changed = current.changes(to: args.terms)
        guard !changed.isEmpty else { throw MutationRejection(.invalid, "the edit changes nothing") }
        if let refusal = LoadEditPolicy.refusal(of: current, to: args.terms, load: load) {
            throw MutationRejection(.loadFinal, refusal)
        }
        if let problem = LoadRules.problems(args.terms).first { throw MutationRejection(.invalid, problem.description) }
        let resolved = try resolved(args.terms)
        let terms = args.terms
        load.shipper = trim(terms.shipper)
        load.reference = trim(terms.reference)
        load.commodity = trim(terms.commodity)
        load.equipment = terms.equipment.trimmingCharacters(in: .whitespaces).uppercased()
        load.fullLoad = terms.fullLoad
        load.weightLbs = terms.weightLbs
        load.lengthFt = terms.lengthFt
        load.hazmat = terms.hazmat
        // A load posted before rates had units shows its total as a flat quote: an edit that
        // leaves the rate alone keeps its kind and total as they were.
        let rateEdited = current.rateCents != terms.rateCents || current.rateKind != terms.rateKind
        if rateEdited || load.unitRateCents != nil || load.rateKind == .flat {
            load.rateKind = terms.rateKind
            load.rateCents = resolved.rateCents
            load.unitRateCents = resolved.unitRateCents
        }
        load.miles = resolved.miles
        // What already happened at a stop stays with it.
        load.stops = resolved.stops.enumerated().map { index, stop in
            var stop = stop
            if index < load.stops.count, load.stops[index].place == stop.place, load.stops[index].kind == stop.kind {
                stop.arrivedAt = load.stops[index].arrivedAt
                stop.departedAt = load.stops[index].departedAt
            }
            return stop
        }
        load.version += 1
        try store.save(load)
        return .applied
    }

    private static func resolved(_ terms: Mutation.LoadTerms) throws -> LoadRules.Resolved {
        do { return try LoadRules.resolve(terms) } catch let problem as LoadRules.Problem {
            throw MutationRejection(.invalid, problem.description)
        }
    }

    private static func trim(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }
}
