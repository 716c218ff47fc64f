import Foundation
import GRDB

/// The sort indexes a snapshot leaves to build after its last page (`SnapshotIndexes`).
extension Mirror {
    /// How many are still to build.
    public func deferredIndexCount() async throws -> Int {
        try await pool.read { db in try SnapshotIndexes.deferredCount(db) }
    }

    /// Builds them one per write transaction, so a sync or an edit waits for one index at most
    /// (about 0.1 s at 100,000 loads). Returns when none is left. Safe to run twice at once:
    /// each transaction takes the next one still listed.
    public func buildDeferredIndexes() async throws {
        guard try await deferredIndexCount() > 0 else { return }
        while try await pool.write({ db in try SnapshotIndexes.buildNext(db) }) {}
        // The snapshot left its WAL for now; with the indexes in it too, it is cut back once.
        await checkpointAfterBulk()
    }

    /// Starts `buildDeferredIndexes` in the background unless it already runs.
    public func startBuildingDeferredIndexes() {
        guard indexBuilder.claim() else { return }
        Task.detached(priority: .utility) { [self] in
            defer { indexBuilder.release() }
            try? await buildDeferredIndexes()
        }
    }
}

/// Whether the mirror's deferred indexes are being built.
final class IndexBuilderFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false

    func claim() -> Bool {
        lock.withLock {
            guard !running else { return false }
            running = true
            return true
        }
    }

    func release() { lock.withLock { running = false } }
}
