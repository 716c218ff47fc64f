import Domain

/// One table of the feed and how the caller's scope narrows it, described once for both stores
/// (each binds `values` its own way).
struct FeedTable {
    var collection: String
    var table: String
    /// SQL condition limiting rows to the scope, always within the actor's organisation; `?`
    /// placeholders bound from `values`.
    var scope: String
    var values: [String]

    /// The tables an actor sees, each narrowed to its scope.
    static func tables(for actor: Actor) -> [FeedTable] {
        let org = actor.organization
        switch actor.role {
        case .dispatcher:
            return ["loads", "drivers", "carriers", "events", "invoices", "payouts"].map {
                FeedTable(collection: $0, table: $0, scope: "org = ?", values: [org])
            }
        case .accounting:
            return ["loads", "carriers", "invoices", "payouts"].map {
                FeedTable(collection: $0, table: $0, scope: "org = ?", values: [org])
            }
        case .driver:
            let me = actor.driverId ?? ""
            return [
                FeedTable(collection: "loads", table: "loads", scope: "org = ? AND driver_id = ?", values: [org, me]),
                FeedTable(collection: "drivers", table: "drivers", scope: "org = ? AND id = ?", values: [org, me]),
                FeedTable(collection: "events", table: "events",
                          scope: "org = ? AND load_id IN (SELECT id FROM loads WHERE driver_id = ?)", values: [org, me]),
            ]
        }
    }
}
