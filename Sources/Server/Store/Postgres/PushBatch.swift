import Foundation
import Domain

/// The rows of one push and what its mutations did to them.
struct PushBatch {
    let store: PrefetchedMutationStore
    /// Each fetched load's driver before the push, to see scope moves without asking again.
    private(set) var driversBefore: [String: String?] = [:]

    init(fetching keys: PostgresPrefetch.Keys, push: PostgresPush) async throws {
        store = try await push.fetch(keys)
        remember(store)
    }

    private mutating func remember(_ fetched: PrefetchedMutationStore) {
        // `updateValue`, not a subscript: a load with no driver must be kept as known (nil).
        for (id, load) in fetched.loads where driversBefore.index(forKey: id) == nil {
            driversBefore.updateValue(load?.driverId, forKey: id)
        }
    }

    /// Runs the rules of one mutation on the push's rows; a miss fetches the rows and runs them
    /// again, a refusal leaves the rows as they were.
    mutating func apply(_ envelope: MutationEnvelope, push: PostgresPush) async throws -> MutationResult {
        for _ in 0 ..< 16 {
            let mark = store.mark
            do {
                try Mutator.apply(envelope.mutation, by: push.actor, in: store, now: push.now)
                return MutationResult(id: envelope.id, status: .applied)
            } catch let miss as PrefetchedMutationStore.Miss {
                store.rollBack(to: mark)
                var wanted = PostgresPrefetch.Keys()
                wanted.add(miss)
                let fetched = try await push.fetch(wanted)
                remember(fetched)
                store.merge(fetched)
            } catch let refused as MutationRejection {
                store.rollBack(to: mark)
                return MutationResult(id: envelope.id, status: .rejected, rejection: refused)
            }
        }
        throw ServerError.storage("the rules of \(envelope.mutation.name) kept asking for rows that were not prefetched")
    }
}
