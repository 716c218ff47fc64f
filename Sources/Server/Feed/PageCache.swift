import Foundation
import Domain

/// Shares pull pages between consoles asking the same question at the same moment.
///
/// Every long-poll wakes on the same commit, so thousands of consoles of one scope ask for the
/// page after the same cursor at once. The page is read once per (scope, cursor, limit, head
/// sequence) and shared; concurrent askers wait for the one read in flight. A new commit moves
/// the head, so a stale page is never served for a newer head. The per-console part of the
/// answer (`lastMutationId`) is filled in by the caller.
final class PageCache: @unchecked Sendable {
    struct Key: Hashable {
        let scope: String
        let cursor: String
        let limit: Int
        let head: Int64
    }

    private let lock = NSLock()
    private var pages: [Key: Task<PullPage, any Error>] = [:]
    private var order: [Key] = []
    private let capacity: Int

    init(capacity: Int = 512) {
        self.capacity = capacity
    }

    /// The scope part of a key: everyone of one role in one organisation sees the same rows,
    /// except drivers.
    static func scope(of actor: Actor) -> String {
        let who = actor.role == .driver ? "driver:\(actor.driverId ?? "")" : actor.role.rawValue
        return actor.organization + "\u{1E}" + who
    }

    func page(_ key: Key, read: @escaping @Sendable () async throws -> PullPage) async throws -> PullPage {
        let task: Task<PullPage, any Error> = lock.withLock {
            if let shared = pages[key] { return shared }
            let task = Task { try await read() }
            pages[key] = task
            order.append(key)
            if order.count > capacity {
                pages.removeValue(forKey: order.removeFirst())
            }
            return task
        }
        do {
            return try await task.value
        } catch {
            lock.withLock { _ = pages.removeValue(forKey: key) }
            throw error
        }
    }
}
