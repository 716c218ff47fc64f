import Foundation
extension Mutator {
    /// Keeps the latest check call on the load: one reported later for an earlier time changes nothing.
    static func checkCall(_ args: Mutation.RecordCheckCall, by actor: Actor, in store: some MutationStore,
                          now: Int64) throws -> MutationOutcome {
        try requireDispatcher(actor, to: "record check calls")
        var load = try requireLoad(args.loadId, in: store)
        if load.checkCall?.id == args.checkCallId { return .alreadyRecorded }
        guard load.status >= .assigned, !load.status.isFinal else {
            let why = load.status == .posted ? "has no truck yet" : "is \(load.status.label)"
            throw MutationRejection(.notAssigned, "\(load.id) \(why); a check call follows a truck on a load")
        }
        guard let city = City.find(args.place) else {
            throw MutationRejection(.invalid, "place: unknown city '\(args.place.prefix(30))'; type it as \"Joplin, MO\" or a ZIP code")
        }
        if args.at > now + 15 * 60 { throw MutationRejection(.invalid, "at: a check call cannot be in the future") }
        if args.etaAt < args.at { throw MutationRejection(.invalid, "eta: is before the time of the call") }
        if args.etaAt > args.at + 14 * 86_400 { throw MutationRejection(.invalid, "eta: is more than 14 days after the call") }
        let note = args.note?.trimmingCharacters(in: .whitespaces)
        if let note, let problem = LoadRules.textProblem(note, limit: 200, required: false) {
            throw MutationRejection(.invalid, "note: \(problem)")
        }
        if let latest = load.checkCall, latest.at > args.at { return .alreadyRecorded }
        let next = load.stops.firstIndex { $0.arrivedAt == nil } ?? max(0, load.stops.count - 1)
        load.checkCall = CheckCall(id: args.checkCallId, at: args.at, city: city.name, state: city.state, lat: city.lat,
                                   lon: city.lon, etaAt: args.etaAt, nextStop: next,
                                   note: note?.isEmpty == false ? note : nil, recordedBy: actor.user)
        load.version += 1
        try store.save(load)
        return .applied
    }
}
