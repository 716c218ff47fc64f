import Testing
@testable import Domain

@Suite("Board filter input")
struct BoardInputTests {
    @Test func placesParseStatesCitiesAndRadii() throws {
        #expect(try PlaceFilter.parse("tx").get() == PlaceFilter(state: "TX"))
        #expect(try PlaceFilter.parse("Dallas, TX").get() == PlaceFilter(city: "Dallas", state: "TX"))
        #expect(try PlaceFilter.parse("dallas,tx+150mi").get() == PlaceFilter(city: "Dallas", state: "TX", miles: 150))
        #expect(try PlaceFilter.parse("san antonio 75").get() == PlaceFilter(city: "San Antonio", miles: 75))
        #expect(try PlaceFilter.parse("  ").get() == nil)
        #expect(try PlaceFilter.parse("Dallas, TX 150").get()?.input == "Dallas, TX 150", "the form shows what parses back")
        for bad in ["150", "Dallas 0", "Dallas 5000", "TX 150"] {
            #expect((try? PlaceFilter.parse(bad).get()) == nil, "\(bad) is refused")
        }
        if case .failure(let error) = PlaceFilter.parse("TX 150") { #expect(error.message.contains("needs a city")) }
    }

    @Test func numbersDatesAndListsParseOrSayWhy() throws {
        #expect(try BoardQuery.Input.equipment("v, r r/f").get() == ["V", "R", "F"])
        #expect((try? BoardQuery.Input.equipment("V, XYZ").get()) == nil)
        #expect(try BoardQuery.Input.weight("40k").get() == 40_000)
        #expect(try BoardQuery.Input.weight("42,500 lb").get() == 42_500)
        #expect((try? BoardQuery.Input.weight("heavy").get()) == nil)
        #expect(try BoardQuery.Input.length("48'").get() == 48)
        #expect(try BoardQuery.Input.fullLoad("LTL").get() == false)
        #expect(try BoardQuery.Input.age("2d").get() == 2_880)
        #expect(try BoardQuery.Input.age("90m").get() == 90)
        #expect(try BoardQuery.Input.age("36").get() == 2_160)
        #expect(try BoardQuery.Input.ratePerMile("$2.50/mi").get() == 250)
        let now: Int64 = 1_795_000_000 // 2026-11-18 08:53 UTC
        let today = now - now % 86_400
        #expect(try BoardQuery.Input.day("today", now: now).get() == today)
        #expect(try BoardQuery.Input.day("+2", now: now).get() == today + 2 * 86_400)
        #expect(try BoardQuery.Input.day("2026-11-25", now: now).get() == today + 7 * 86_400)
        #expect(try BoardQuery.Input.day("11/25", now: now).get() == today + 7 * 86_400)
        #expect((try? BoardQuery.Input.day("13/40", now: now).get()) == nil)
        #expect(Format.isoDate(Format.unixDay(year: 2024, month: 2, day: 29) * 86_400) == "2024-02-29")
    }

    @Test func summarySaysEveryFilter() {
        let query = BoardQuery(status: .posted, origin: PlaceFilter(city: "Dallas", state: "TX", miles: 150),
                               equipment: ["V", "R"], minRatePerMileCents: 250, maxWeightLbs: 40_000, fullLoad: true,
                               maxAgeMinutes: 120, text: "steel")
        #expect(query.summary == "\"steel\" status=posted from Dallas, TX +150mi equip=V,R >=$2.50/mi <=40,000lb full posted <2h")
        #expect(query.cleared.summary == "all loads")
        #expect(query.needsCenters)
    }
}
