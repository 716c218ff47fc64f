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

    @Test func aWaitEndsAtItsTimeoutOrAtACommitWhicheverIsFirst() async {
        let hub = ChangeHub(sequence: 1)
        let start = ContinuousClock.now
        await hub.wait(after: 1, timeout: .milliseconds(300))
        let waited = ContinuousClock.now - start
        // Not before its time; how long after depends on the machine (no timing bound here).
        #expect(waited >= .milliseconds(300), "\(waited)")
        #expect(await hub.waiting == 0)

        async let long: Void = hub.wait(after: 1, timeout: .seconds(120))
        async let short: Void = hub.wait(after: 1, timeout: .milliseconds(200))
        while await hub.waiting < 2 { await Task.yield() }
        await short
        #expect(await hub.waiting == 1, "the short wait timed out alone")
        await hub.notify(sequence: 2)
        await long
        #expect(ContinuousClock.now - start < .seconds(60), "woken by the commit")
        await hub.wait(after: 1, timeout: .seconds(120))
        #expect(await hub.waiting == 0, "a wait behind the head returns at once")
    }
}
