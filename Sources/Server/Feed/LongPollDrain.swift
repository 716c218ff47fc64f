import ServiceLifecycle

/// Answers the long-polls in flight when a graceful shutdown starts.
///
/// The HTTP server finishes in-flight requests before it stops; a long-poll may otherwise hold
/// it for the rest of its wait (up to a minute), so quitting the demo or SIGTERM would hang.
/// Listed after the HTTP service so the group shuts it down first (reverse order).
struct LongPollDrain: Service {
    let hub: ChangeHub

    func run() async {
        try? await gracefulShutdown()
        await hub.close()
    }
}
