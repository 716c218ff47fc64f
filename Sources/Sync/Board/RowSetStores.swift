import Foundation
import GRDB

/// The row-set store of each mirror connection, found from inside a read by the connection, and
/// the row sets all connections share.
///
/// A store lives as long as its connection (SQLite holds it for the function); this map only
/// finds it. A connection opened later at the same address installs a new store over the old.
/// Sets are keyed by the `search_version` they were built at, so a reader only ever finds sets
/// made from what its own snapshot holds.
final class RowSetStores: @unchecked Sendable {
    private let lock = NSLock()
    private var stores: [UInt: RowSetStore] = [:]
    /// Sets kept: a bitmap of 1M loads is 125 KB.
    private let capacity = 8
    private var sets: [String: RowSet] = [:]
    private var recent: [String] = []
    private var built = 0

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

    /// The set kept under `key` (its search version and list), if any.
    func set(_ key: String) -> RowSet? {
        lock.withLock {
            guard let set = sets[key] else { return nil }
            recent.removeAll { $0 == key }
            recent.append(key)
            return set
        }
    }

    /// Keeps a set just built, forgetting the least recently used past the capacity.
    func keep(_ set: RowSet, _ key: String) {
        lock.withLock {
            built += 1
            if sets[key] == nil, recent.count >= capacity { sets[recent.removeFirst()] = nil }
            if sets.updateValue(set, forKey: key) == nil { recent.append(key) }
        }
    }

    /// Sets built so far, all connections together (tests see what was kept).
    var builds: Int { lock.withLock { built } }

    /// Forgets every set (benchmarks time each search as if typed anew).
    func purge() {
        lock.withLock {
            sets.removeAll()
            recent.removeAll()
        }
    }
}
