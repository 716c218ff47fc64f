import Domain

/// The store-independent part of an ingest: whose pings these are, and the newest per driver.
enum PositionIngest {
    /// Pairs every ping with its driver: a driver posts only its own; a dispatcher (a
    /// telematics integration) names the driver; accounting posts none.
    static func attribute(_ batch: PositionBatch, to actor: Actor) throws -> [(String, PositionPing)] {
        try batch.pings.enumerated().map { index, ping in
            switch actor.role {
            case .driver:
                guard let own = actor.driverId, ping.driverId == nil || ping.driverId == own else {
                    throw ServerError.forbidden("pings[\(index)]: a driver reports only its own position")
                }
                return (own, ping)
            case .dispatcher:
                guard let id = ping.driverId else {
                    throw ServerError.badRequest(code: "bad_ping", message: "pings[\(index)].driverId: required")
                }
                return (id, ping)
            case .accounting:
                throw ServerError.forbidden("accounting does not report positions")
            }
        }
    }

    static func latest(_ pings: [(String, PositionPing)]) -> [String: PositionPing] {
        var latest: [String: PositionPing] = [:]
        for (id, ping) in pings where (latest[id]?.at ?? .min) < ping.at { latest[id] = ping }
        return latest
    }
}
