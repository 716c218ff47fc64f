import Testing
@testable import Console

/// The frame a board query's key would draw waits up to 12 ms for the rows, once per wait.
@Suite("Frames wait briefly for the rows their key asked for")
struct FrameHoldTests {
    func ms(_ value: Int) -> Duration { .milliseconds(value) }

    @Test func rowsThatArriveWithinTheHoldAreDrawnInOneFrame() {
        var hold = FrameHold()
        #expect(hold.pollTimeout(at: ms(0)) == -1, "nothing held: wait for input")
        let started = hold.shouldDraw(waitingForRows: true, at: ms(100))
        #expect(!started, "the key's query started: hold")
        #expect(hold.pollTimeout(at: ms(103)) == 9)
        let arrived = hold.shouldDraw(waitingForRows: false, at: ms(104))
        #expect(arrived, "rows came: draw them")
        #expect(!hold.isHolding)
        #expect(hold.pollTimeout(at: ms(104)) == -1)
    }

    @Test func aSlowQueryShowsLoadingAfterTheHoldAndIsNotHeldAgain() {
        var hold = FrameHold()
        var draws: [Bool] = []
        draws.append(hold.shouldDraw(waitingForRows: true, at: ms(0)))
        draws.append(hold.shouldDraw(waitingForRows: true, at: ms(11)))   // a sync tick inside the hold
        #expect(hold.pollTimeout(at: ms(12)) == 0)
        draws.append(hold.shouldDraw(waitingForRows: true, at: ms(12)))   // the hold is over: "loading"
        draws.append(hold.shouldDraw(waitingForRows: true, at: ms(40)))   // still waiting, not held twice
        draws.append(hold.shouldDraw(waitingForRows: false, at: ms(90)))  // the rows
        draws.append(hold.shouldDraw(waitingForRows: true, at: ms(200)))  // the next query holds again
        #expect(draws == [false, false, true, true, true, false])
    }
}
