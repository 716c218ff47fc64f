import Logging
import PostgresNIO
import ServiceLifecycle

/// Wakes this instance's long-polls when any instance commits: LISTENs on `dispatch_changes`
/// (every write transaction that changed something NOTIFYs its sequence number on commit) and
/// passes each sequence number to the `ChangeHub`.
///
/// A dropped connection is re-established after a short pause; the hub is then told the current
/// sequence, so a commit made while the listener was away still wakes the waiters.
struct PostgresChangeListener: Service {
    let store: PostgresStore
    let hub: ChangeHub
    let logger: Logger
    var retryDelay: Duration = .milliseconds(500)

    func run() async {
        await cancelWhenGracefulShutdown { await loop() }
    }

    private func loop() async {
        var failures = 0
        while !Task.isCancelled {
            do {
                try await store.client.withConnection { connection in
                    try await connection.listen(on: PostgresStore.channel) { notifications in
                        // Listening now: catch up on anything committed before.
                        try await store.loadPushers()
                        await hub.notify(sequence: try await PostgresStore.sequence(connection, logger: logger))
                        failures = 0
                        for try await notification in notifications {
                            let payload = notification.payload
                            if payload.hasPrefix("client:") {
                                store.pushers.insert(String(payload.dropFirst("client:".count)))
                            } else if let sequence = Int64(payload) {
                                await hub.notify(sequence: sequence)
                            }
                        }
                    }
                }
            } catch is CancellationError {
                return
            } catch {
                if Task.isCancelled { return }
                failures += 1
                if failures == 1 || failures % 20 == 0 {
                    logger.warning("change listener lost its connection; reconnecting",
                                   metadata: ["error": "\(PostgresStore.storageError(error, doing: "listen"))"])
                }
            }
            try? await Task.sleep(for: retryDelay)
        }
    }
}
