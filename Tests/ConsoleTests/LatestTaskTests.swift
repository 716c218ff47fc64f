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
        latest.replace(with: older)
        #expect(!older.isCancelled)
        latest.replace(with: newer)
        #expect(older.isCancelled, "superseded")
        #expect(!newer.isCancelled)
        olderEnd.finish()
        newerEnd.finish()
        await older.value
        await newer.value
    }
}
