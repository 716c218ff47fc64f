import Testing
@testable import Console

@Suite("Only the newest totals query runs")
struct LatestTaskTests {
    @Test func startingANewerTaskCancelsTheOlderOne() async {
        let latest = LatestTask()
        // Each task waits until its stream ends, so both are still running when replaced.
        let (olderStream, olderEnd) = AsyncStream<Void>.makeStream()
        let (newerStream, newerEnd) = AsyncStream<Void>.makeStream()
        let older = Task<Void, Never> { for await _ in olderStream {} }
        let newer = Task<Void, Never> { for await _ in newerStream {} }
        latest.replace(with: older, generation: 1)
        #expect(!older.isCancelled)
        latest.replace(with: newer, generation: 2)
        #expect(older.isCancelled, "superseded")
        #expect(!newer.isCancelled)
        latest.cancel(olderThan: 2)
        #expect(!newer.isCancelled, "the query on screen keeps its totals")
        latest.cancel(olderThan: 3)
        #expect(newer.isCancelled, "a newer query cancels them as it starts")
        olderEnd.finish()
        newerEnd.finish()
        await older.value
        await newer.value
    }
}
