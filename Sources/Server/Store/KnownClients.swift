import Foundation

/// The clients that have pushed, behind a lock (both stores keep one: a pull for a client
/// outside it needs no `lastMutationId` query).
final class KnownClients: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: Set<String> = []
    func insert(_ id: String) { lock.withLock { _ = ids.insert(id) } }
    func contains(_ id: String) -> Bool { lock.withLock { ids.contains(id) } }
}
