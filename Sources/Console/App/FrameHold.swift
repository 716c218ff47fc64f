/// Whether the loop draws now or holds the frame a moment for the rows its key asked for.
///
/// A key that starts a board query used to draw a "loading" frame at once and the rows a few
/// milliseconds later; both redrew the screen, and at 1M loads the extra frame was a third of a
/// sort key's time. Now the frame waits up to `hold` for the rows, once per wait: a slow query
/// still shows "loading" after the hold and is not held again. A pure state machine over an
/// injected instant, so tests drive it with numbers instead of a clock.
struct FrameHold {
    let hold: Duration
    private var heldSince: Duration?
    private var spent = false

    init(hold: Duration = .milliseconds(12)) {
        self.hold = hold
    }

    /// After the events of one wake-up: draw now, or keep holding.
    mutating func shouldDraw(waitingForRows: Bool, at now: Duration) -> Bool {
        guard waitingForRows else {
            spent = false
            heldSince = nil
            return true
        }
        if spent { return true }
        let since = heldSince ?? now
        heldSince = since
        if now - since < hold { return false }
        spent = true
        heldSince = nil
        return true
    }

    /// The `poll` timeout in milliseconds: -1 (wait for input) unless a frame is held.
    func pollTimeout(at now: Duration) -> Int32 {
        guard let since = heldSince else { return -1 }
        let left = hold - (now - since)
        guard left > .zero else { return 0 }
        return Int32(FrameTrace.ms(left).rounded(.up))
    }

    /// A frame is being held: a wake-up with no events still has to decide.
    var isHolding: Bool { heldSince != nil }
}
