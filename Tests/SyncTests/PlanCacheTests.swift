import Testing
import Domain
@testable import Sync

@Suite("Board plan choices are probed once per query")
struct PlanCacheTests {
    @Test func aQueryIsProbedOnceAndADifferentOneAgain() {
        let cache = PlanCache()
        var probes = 0
        let radius = BoardQuery(origin: PlaceFilter(city: "Dallas", state: "TX", miles: 150))
        for _ in 0 ..< 3 {
            #expect(cache.walksSortIndex(radius) { probes += 1; return true })
        }
        #expect(probes == 1, "paging the same query does not probe again")
        #expect(!cache.walksSortIndex(BoardQuery(text: "steel")) { probes += 1; return false })
        #expect(probes == 2)
    }

    @Test func aFullCacheStartsOverRatherThanGrowing() {
        let cache = PlanCache()
        var probes = 0
        for miles in 1 ... 65 {
            _ = cache.walksSortIndex(BoardQuery(origin: PlaceFilter(city: "Dallas", state: "TX", miles: miles))) { probes += 1; return true }
        }
        _ = cache.walksSortIndex(BoardQuery(origin: PlaceFilter(city: "Dallas", state: "TX", miles: 1))) { probes += 1; return true }
        #expect(probes == 66, "the 65th query emptied the cache, so the first is probed again")
    }
}
