import Foundation
import GRDB

/// The row-set store of each mirror connection, found from inside a read by the connection.
///
/// A store lives as long as its connection (SQLite holds it for the function); this map only
/// finds it. A connection opened later at the same address installs a new store over the old.
final class RowSetStores: @unchecked Sendable {
    private let lock = NSLock()
    private var stores: [UInt: RowSetStore] = [:]
    private var purges = 0

    /// Bumped by `purge`; a store whose sets are older builds them again.
    var generation: Int { lock.withLock { purges } }

    /// Sets built so far, all connections together (tests see what was kept).
    private(set) var builds: Int {
        get { lock.withLock { built } }
        set { lock.withLock { built = newValue } }
    }
    private var built = 0

    func countBuild() { lock.withLock { built += 1 } }

    /// Makes every connection forget its sets before its next use (benchmarks time each search as
    /// if typed anew). Stores belong to their connections, so they are not touched from here.
    func purge() { lock.withLock { purges += 1 } }

    /// Called from `prepareDatabase`: every connection gets its own store and function.
    @discardableResult
    func install(on db: Database) -> RowSetStore {
        let store = RowSetStore(owner: self)
        store.install(on: db)
        lock.withLock { stores[key(db)] = store }
        return store
    }

    /// The store of the connection `db`.
    func store(_ db: Database) -> RowSetStore {
        lock.withLock { stores[key(db)] } ?? install(on: db)
    }

    private func key(_ db: Database) -> UInt { UInt(bitPattern: db.sqliteConnection) }
}
