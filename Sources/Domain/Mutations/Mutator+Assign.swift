extension Mutator {
    static func assign(_ args: Mutation.AssignLoad, by actor: Actor,
                       in store: some MutationStore) throws -> MutationOutcome {
        try requireDispatcher(actor, to: "assign loads")
        var load = try requireLoad(args.loadId, in: store)
        guard load.status == .posted else {
            let who = load.driverId.map { " to \($0)" } ?? ""
            throw MutationRejection(.notPosted, "\(load.id) is \(load.status.label)\(who), not posted")
        }
        guard let driver = try store.driver(args.driverId) else {
            throw MutationRejection(.notFound, "no driver \(args.driverId)")
        }
        guard driver.available else {
            throw MutationRejection(.driverUnavailable, "\(driver.id) \(driver.name) is not available")
        }
        guard let carrier = try store.carrier(driver.carrierId) else {
            throw MutationRejection(.notFound, "no carrier \(driver.carrierId) for \(driver.id)")
        }
        guard carrier.verdict != .doNotUse else {
            throw MutationRejection(.carrierDoNotUse,
                                    "carrier \(carrier.name) is do-not-use: \(carrier.verdictReason)")
        }
        load.status = .assigned
        load.driverId = driver.id
        load.carrierId = carrier.id
        load.version += 1
        try store.save(load)
        return .applied
    }

    static func unassign(_ args: Mutation.UnassignLoad, by actor: Actor,
                         in store: some MutationStore) throws -> MutationOutcome {
        try requireDispatcher(actor, to: "unassign loads")
        var load = try requireLoad(args.loadId, in: store)
        guard load.status == .assigned || load.status == .dispatched else {
            throw MutationRejection(.notAssigned,
                                    "\(load.id) is \(load.status.label); only an assigned load not yet picked up can be unassigned")
        }
        load.status = .posted
        load.driverId = nil
        load.carrierId = nil
        load.version += 1
        try store.save(load)
        return .applied
    }
}
