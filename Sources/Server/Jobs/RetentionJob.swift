import Foundation
import Logging
import ServiceLifecycle

/// Forgets what is past its horizon, hourly: tombstones (a console away longer gets an explicit
/// reset instead of a silent gap) and GPS history (only the latest position is live data).
struct RetentionJob: Service {
    let store: any Store
    /// How long deletions are kept, in seconds.
    let tombstoneHorizon: Int64
    /// How long GPS pings are kept, in seconds.
    let gpsRetention: Int64
    let logger: Logger
    var interval: Duration = .seconds(3_600)

    func run() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await sweep(now: Int64(Date().timeIntervalSince1970))
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
            }
        }
    }

    func sweep(now: Int64) async {
        do {
            let tombstones = try await store.pruneTombstones(before: now - tombstoneHorizon)
            let pings = try await store.prunePositions(before: now - gpsRetention)
            if tombstones + pings > 0 {
                logger.info("retention", metadata: ["tombstones_pruned": "\(tombstones)", "pings_pruned": "\(pings)"])
            }
        } catch {
            logger.warning("retention: \(error)")
        }
    }
}
