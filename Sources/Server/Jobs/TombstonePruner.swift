import Foundation
import Logging
import ServiceLifecycle

/// Forgets deletions older than the horizon, so the tombstone tables stay small; a console
/// that was away longer gets an explicit reset instead of a silent gap.
struct TombstonePruner: Service {
    let store: any ServerStore
    /// How long a deletion is kept, in seconds.
    let horizon: Int64
    let logger: Logger
    var interval: Duration = .seconds(3_600)

    func run() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let cutoff = Int64(Date().timeIntervalSince1970) - horizon
                    let pruned = try await store.pruneTombstones(before: cutoff)
                    if pruned > 0 { logger.info("pruned tombstones", metadata: ["count": "\(pruned)", "horizon_s": "\(horizon)"]) }
                    try await Task.sleep(for: interval)
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("tombstone pruning: \(error)")
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }
}
