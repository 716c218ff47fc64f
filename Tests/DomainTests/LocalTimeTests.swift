import Testing
import Foundation
import Domain

@Suite("Times typed in a stop's own zone")
struct LocalTimeTests {
    // 2026-12-03 18:00 UTC: noon in Chicago.
    let now: Int64 = 1_796_320_800
    let chicago = TimeZone(identifier: "America/Chicago")!
    let denver = TimeZone(identifier: "America/Denver")!

    @Test func windowsReadInTheZoneOfTheStop() throws {
        let window = try LocalTime.window("2026-12-04 08:00-10:00", in: chicago, now: now)
        #expect(window.start == 1_796_392_800 && window.end == window.start + 7_200, "08:00 CST is 14:00 UTC")
        let mountain = try LocalTime.window("12/04 08:00-10:00", in: denver, now: now)
        #expect(mountain.start == window.start + 3_600, "an hour later in Denver")
        let overnight = try LocalTime.window("tomorrow 22:00-02:00", in: chicago, now: now)
        #expect(overnight.end - overnight.start == 4 * 3_600)
        let across = try LocalTime.window("12/04 08:00 - 12/05 10:00", in: chicago, now: now)
        #expect(across.end - across.start == 26 * 3_600)
        #expect(try LocalTime.window("01/03 9:00", in: chicago, now: now).start > now, "January typed in December is next year")
        #expect(LocalTime.formatWindow(window.start, window.end, in: chicago) == "2026-12-04 08:00-10:00")
        #expect(LocalTime.format(window.start, in: chicago) == "2026-12-04 08:00 CST")
    }

    @Test func badTimesSayWhy() {
        #expect(throws: LocalTime.Problem.self) { try LocalTime.window("", in: chicago, now: now) }
        #expect(throws: LocalTime.Problem.self) { try LocalTime.window("13/45 08:00", in: chicago, now: now) }
        #expect(throws: LocalTime.Problem.self) { try LocalTime.window("12/04 25:00", in: chicago, now: now) }
        #expect(throws: LocalTime.Problem.self) { try LocalTime.window("02/30 08:00", in: chicago, now: now) }
        #expect(throws: LocalTime.Problem.self) { try LocalTime.time("soon", in: chicago, now: now) }
    }

    @Test func etasTheNextOneToCome() throws {
        #expect(try LocalTime.time("+3h", in: chicago, now: now) == now + 3 * 3_600)
        #expect(try LocalTime.time("14:30", in: chicago, now: now) == now + 9_000, "later today")
        #expect(try LocalTime.time("09:00", in: chicago, now: now) == now + 21 * 3_600, "already past: tomorrow")
    }

    @Test func draftsNameTheFieldOfEveryProblem() {
        var draft = LoadDraft()
        draft.shipper = "Acme"
        draft.reference = "PO-1"
        draft.commodity = "steel"
        draft.equipment = "F"
        draft.weight = "40k"
        draft.rate = "2,400"
        draft.hazmat = "maybe"
        draft.stops = [.init(kind: "pickup", city: "Dallas, TX", window: "12/04 08:00-10:00"),
                       .init(kind: "drop", city: "Memphis, TN", window: "12/03 08:00")]
        guard case .failure(let problems) = draft.terms(now: now) else { Issue.record("accepted"); return }
        #expect(problems.all.map(\.field.description) == ["weight", "hazmat", "stop 2 window"])
        #expect(problems.message(for: .terms(.stopWindow(2))) == "starts before stop 1's window; stops are in the order they are run")
        draft.weight = "40,000"
        draft.hazmat = ""
        draft.stops[1].window = "12/05 08:00"
        guard case .success(let terms) = draft.terms(now: now) else { Issue.record("refused"); return }
        #expect(terms.rateCents == 240_000 && terms.rateKind == .flat && terms.lengthFt == 53 && terms.stops[1].kind == .delivery)
    }
}

@Suite("Driver mode's order")
struct DriverOrderTests {
    @Test func currentThenNextThenHistoryNewestFirst() {
        func load(_ id: String, _ status: LoadStatus, pickup: Int64) -> Load {
            Load(id: id, reference: id, shipper: "S", stops: [
                Stop(kind: .pickup, city: "Dallas", state: "TX", zip: "75201", lat: 0, lon: 0, windowStart: pickup, windowEnd: pickup),
                Stop(kind: .delivery, city: "Memphis", state: "TN", zip: "38103", lat: 0, lon: 0, windowStart: pickup + 1, windowEnd: pickup + 1),
            ], equipment: "V", fullLoad: true, weightLbs: 1, lengthFt: 53, commodity: "c", hazmat: false, miles: 1,
                 rateCents: 1, rateKind: .flat, postedAt: 0, status: status)
        }
        let loads = [load("old", .delivered, pickup: 100), load("next2", .assigned, pickup: 900), load("newer", .delivered, pickup: 200),
                     load("now", .enRoute, pickup: 300), load("next1", .dispatched, pickup: 800)]
        #expect(Load.driverOrder(loads).map(\.id) == ["now", "next1", "next2", "newer", "old"])
    }
}
