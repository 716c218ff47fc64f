import Testing
@testable import Domain

/// Times are whole seconds, so a driver confirming two stops in one second must still see them
/// in lifecycle order (the e2e driver flow found POD listed before X1 that way).
@Suite struct StatusEventOrderTests {
    func event(_ id: String, _ code: StatusCode, at: Int64) -> StatusEvent {
        StatusEvent(id: id, loadId: "L-1", code: code, at: at, recordedBy: "d-1")
    }

    @Test func sameSecondFollowsTheLifecycleWhateverTheIds() {
        let events = [event("e-a", .delivered, at: 100), event("e-b", .arrivedDelivery, at: 100),
                      event("e-c", .loaded, at: 90), event("e-d", .arrivedPickup, at: 90), event("e-e", .departedPickup, at: 95)]
        let codes = events.sorted(by: StatusEvent.chronological).map(\.code)
        #expect(codes == [.arrivedPickup, .loaded, .departedPickup, .arrivedDelivery, .delivered])
    }

    @Test func timeComesBeforeTheLifecycle() {
        let late = event("e-1", .arrivedPickup, at: 200)
        let early = event("e-2", .delivered, at: 100)
        #expect([late, early].sorted(by: StatusEvent.chronological).map(\.id) == ["e-2", "e-1"])
    }
}
