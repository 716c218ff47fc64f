import GRDB
import Domain

/// How one board page is read.
enum BoardPlan: Equatable {
    /// Every filter in SQL (text and radius through SQLite's own lists).
    case lists
    /// A radius walked along the default order, its coordinates tested inside the index.
    case indexWalk
    /// The sort index walked, each entry tested against the text and radius row set.
    case rowSetWalk(RowSet, budget: Int)
    /// Every row of the row set looked up, then sorted.
    case rowSetDrive(RowSet)
}

extension BoardQueries {
    /// Picks the plan for `query`: text and radius filters become one `RowSet` (kept for every
    /// connection while the search tables are unchanged), except a radius alone along the
    /// default order, which its index answers without one.
    static func plan(_ db: Database, _ query: BoardQuery, limit: Int, plans: PlanCache, store: RowSetStore) throws
        -> BoardPlan {
        // Asked before the lists are made: a radius's list is a JSON array of hundreds of cells,
        // which this plan never reads.
        if query.text == nil, query.sort == .pickup, RowList.hasRadius(query),
           try plans.walksSortIndex(query, probe: { try prefersSortIndex(db, query) }) {
            return .indexWalk
        }
        let lists = RowList.lists(query)
        guard let first = lists.first else { return .lists }
        var set = try store.set(db, first)
        for list in lists.dropFirst() { set = set.intersection(try store.set(db, list)) }
        let rows = try Int.fetchOne(db, sql: "SELECT max(rowid) FROM loads") ?? 0
        let choice = walkOrDrive(matches: set.count, rows: rows, limit: limit)
        return choice.drive ? .rowSetDrive(set) : .rowSetWalk(set, budget: choice.budget)
    }

    /// A lookup by rowid costs about twenty steps of an index walk (2.4 µs against 0.1 µs on 1M loads).
    static let lookupSteps = 20.0

    /// Whether looking up every match beats walking the sort index, and if not, how many entries
    /// the walk may test before the drive would have been cheaper. A walk tests each entry and
    /// looks up the matches among them; other filters (status, equipment, ranges) and data whose
    /// order runs against the search (the best-paid loads are seldom vans) lengthen it past
    /// the expected `limit × rows / matches`, which the budget allows for.
    static func walkOrDrive(matches: Int, rows: Int, limit: Int) -> (drive: Bool, budget: Int) {
        guard matches > 0, rows > 0 else { return (true, 0) }
        let share = Double(matches) / Double(rows)
        let entryCost = 1 + lookupSteps * share
        let driveCost = lookupSteps * Double(matches)
        let expected = min(Double(rows), Double(limit) / share)
        return (expected * entryCost >= driveCost, Int(driveCost / entryCost))
    }

    static func page(_ db: Database, _ query: BoardQuery, anchor: BoardAnchor, limit: Int, plan: BoardPlan,
                     store: RowSetStore) throws -> [LoadSummary] {
        switch plan {
        case .lists:
            return try page(db, query, anchor: anchor, limit: limit, scanSortIndex: false)
        case .indexWalk:
            return try page(db, query, anchor: anchor, limit: limit, scanSortIndex: true)
        case .rowSetDrive(let set):
            return try page(db, query, anchor: anchor, limit: limit, scanSortIndex: false, rowSet: .drive(json(set)))
        case .rowSetWalk(let set, let budget):
            do {
                return try store.walking(set, budget: budget) {
                    try page(db, query, anchor: anchor, limit: limit, scanSortIndex: false, rowSet: .walk)
                }
            } catch is DatabaseError where store.exhausted {
                return try page(db, query, anchor: anchor, limit: limit, scanSortIndex: false, rowSet: .drive(json(set)))
            }
        }
    }

    /// The set's rowids as the JSON array `json_each` reads.
    static func json(_ set: RowSet) -> String {
        "[" + set.rowids.map(String.init).joined(separator: ",") + "]"
    }

    /// Forgets the row sets of every reader (benchmarks time each search as if typed anew).
    public func forgetRowSets() { mirror.rowSets.purge() }
}
