import Testing
@testable import Server

/// Graceful shutdown answers the long-polls in flight instead of letting them hold the server.
@Suite("Change hub on shutdown")
struct ChangeHubTests {
    @Test func closingAnswersEveryWaiterAndLaterWaitsReturnAtOnce() async {
        let hub = ChangeHub(sequence: 5)
        let start = ContinuousClock.now
        async let first: Void = hub.wait(after: 5, timeout: .seconds(120))
        async let second: Void = hub.wait(after: 5, timeout: .seconds(120))
        while await hub.waiting < 2 { await Task.yield() }
        #expect(!hub.isClosed)
        await hub.close()
        _ = await (first, second)
        await hub.wait(after: 5, timeout: .seconds(120))
        #expect(hub.isClosed)
        #expect(await hub.waiting == 0)
        // Woken by the close, not by the two-minute timeout.
        #expect(ContinuousClock.now - start < .seconds(60))
    }
}
