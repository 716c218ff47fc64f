import Foundation
extension Mutator {
    /// Why a new carrier may not be used yet.
    public static let unverifiedReason = "not yet verified with FMCSA"

    static func addCarrier(_ args: Mutation.AddCarrier, by actor: Actor, in store: some MutationStore,
                           now: Int64) throws -> MutationOutcome {
        try requireDispatcher(actor, to: "add carriers")
        guard FleetID.isValid(args.carrierId, prefix: "C") else {
            throw MutationRejection(.invalid, "'\(args.carrierId.prefix(30))' is not a carrier id")
        }
        let dot = try args.dotNumber.map { text -> String in
            guard let number = FleetID.dotNumber(text) else { throw MutationRejection(.invalid, "dot: '\(text.prefix(20))' is not a DOT number (1 to 8 digits)") }
            return number
        }
        let mc = try args.mcNumber.map { text -> String in
            guard let number = FleetID.mcNumber(text) else { throw MutationRejection(.invalid, "mc: '\(text.prefix(20))' is not an MC number (1 to 8 digits)") }
            return number
        }
        guard dot != nil || mc != nil else { throw MutationRejection(.invalid, "a carrier is added by its DOT or MC number") }
        if let existing = try store.carrier(args.carrierId) {
            if existing.dotNumber == (dot ?? "") && existing.mcNumber == (mc ?? "") { return .alreadyRecorded }
            throw MutationRejection.idTaken("carrier", args.carrierId)
        }
        let name = args.name?.trimmingCharacters(in: .whitespaces) ?? ""
        if !name.isEmpty, let problem = LoadRules.textProblem(name, limit: 80) { throw MutationRejection(.invalid, "name: \(problem)") }
        let shown = name.isEmpty ? (dot.map { "DOT \($0)" } ?? "MC \(mc ?? "")") : name
        let carrier = Carrier(id: args.carrierId, name: shown, dotNumber: dot ?? "", mcNumber: mc ?? "", allowedToOperate: false,
                              statusCode: "", oosDate: nil, safetyRating: "", bipdOnFile: 0, bipdRequired: 750, cargoOnFile: 0,
                              cargoRequired: 0, insuranceExpiresAt: 0, authorityGrantedAt: 0, powerUnits: 0, verdict: .doNotUse,
                              verdictReason: unverifiedReason, checkedAt: 0)
        try store.save(carrier)
        return .applied
    }

    static func markCarrier(_ args: Mutation.MarkCarrier, by actor: Actor, in store: some MutationStore,
                            now: Int64) throws -> MutationOutcome {
        try requireDispatcher(actor, to: "mark carriers do-not-use")
        guard var carrier = try store.carrier(args.carrierId) else {
            throw MutationRejection(.notFound, "no carrier \(args.carrierId)")
        }
        if let reason = args.reason {
            if let problem = LoadRules.textProblem(reason, limit: 200) { throw MutationRejection(.invalid, "reason: \(problem)") }
            let text = reason.trimmingCharacters(in: .whitespaces)
            if carrier.handHold == text { return .alreadyRecorded }
            carrier.handHold = text
            carrier.verdict = .doNotUse
            carrier.verdictReason = "marked do-not-use by \(actor.user): \(text)"
        } else {
            guard carrier.handHold != nil else { return .alreadyRecorded }
            carrier.handHold = nil
            // Back to what the facts say; never checked stays unverified.
            if carrier.checkedAt == 0 {
                (carrier.verdict, carrier.verdictReason) = (.doNotUse, unverifiedReason)
            } else {
                (carrier.verdict, carrier.verdictReason) = carrier.assess(now: now)
            }
        }
        carrier.version += 1
        try store.save(carrier)
        return .applied
    }

    static func addDriver(_ args: Mutation.AddDriver, by actor: Actor, in store: some MutationStore,
                          now: Int64) throws -> MutationOutcome {
        try requireDispatcher(actor, to: "add drivers")
        guard FleetID.isValid(args.driverId, prefix: "D") else {
            throw MutationRejection(.invalid, "'\(args.driverId.prefix(30))' is not a driver id")
        }
        if let existing = try store.driver(args.driverId) {
            if existing.name == args.name.trimmingCharacters(in: .whitespaces), existing.carrierId == args.carrierId { return .alreadyRecorded }
            throw MutationRejection.idTaken("driver", args.driverId)
        }
        guard try store.carrier(args.carrierId) != nil else { throw MutationRejection(.notFound, "carrier: no carrier \(args.carrierId)") }
        if let problem = LoadRules.textProblem(args.name, limit: 80) { throw MutationRejection(.invalid, "name: \(problem)") }
        let phoneDigits = args.phone.filter(\.isNumber)
        guard (10...15).contains(phoneDigits.count), args.phone.count <= 24,
              args.phone.allSatisfy({ $0.isNumber || " ()+-.".contains($0) }) else {
            throw MutationRejection(.invalid, "phone: '\(args.phone.prefix(24))' is not a phone number (10 to 15 digits)")
        }
        guard let equipment = Equipment.named(args.equipment.trimmingCharacters(in: .whitespaces)) else {
            throw MutationRejection(.invalid, "equipment: unknown equipment '\(args.equipment.prefix(12))'; one of "
                                    + Equipment.all.map(\.code).joined(separator: ", "))
        }
        guard let home = City.find(args.home) else {
            throw MutationRejection(.invalid, "home: unknown city '\(args.home.prefix(30))'; type it as \"Dallas, TX\" or a ZIP code")
        }
        let full = HOSClocks.full
        let driver = Driver(id: args.driverId, name: args.name.trimmingCharacters(in: .whitespaces), carrierId: args.carrierId,
                            equipment: equipment.code, homeCity: home.name, homeState: home.state, lat: home.lat, lon: home.lon,
                            positionAt: args.at,
                            hos: HOSClocks(driveMinutes: full.drive, shiftMinutes: full.shift, cycleMinutes: full.cycle,
                                           breakMinutes: full.breakAfter, asOf: args.at),
                            available: true, phone: args.phone.trimmingCharacters(in: .whitespaces))
        try store.save(driver)
        return .applied
    }

    static func setDuty(_ args: Mutation.SetDriverDuty, by actor: Actor, in store: some MutationStore,
                        now: Int64) throws -> MutationOutcome {
        guard var driver = try store.driver(args.driverId) else { throw MutationRejection(.notFound, "no driver \(args.driverId)") }
        switch actor.role {
        case .dispatcher: break
        case .driver where actor.driverId == driver.id: break
        default: throw MutationRejection(.forbidden, "a \(actor.role.rawValue) may not change \(driver.id)'s duty")
        }
        if let until = args.until {
            guard args.duty != .available else { throw MutationRejection(.invalid, "until: an available driver has no end time") }
            guard until > args.at else { throw MutationRejection(.invalid, "until: is before now") }
            guard until <= args.at + 60 * 86_400 else { throw MutationRejection(.invalid, "until: is more than 60 days away") }
        }
        let available = args.duty == .available
        if driver.available == available, driver.duty == args.duty, driver.dutyUntil == args.until { return .alreadyRecorded }
        driver.available = available
        driver.duty = args.duty
        driver.dutyUntil = args.until
        driver.version += 1
        try store.save(driver)
        return .applied
    }
}
