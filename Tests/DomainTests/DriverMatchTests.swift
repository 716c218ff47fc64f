import Testing
@testable import Domain

@Suite("Best drivers for a load")
struct DriverMatchTests {
    let now: Int64 = 1_795_000_000

    func driver(_ id: String, lat: Double, lon: Double, equipment: String = "V", carrier: String = "C-1",
                driveMinutes: Int = 600, available: Bool = true) -> Driver {
        Driver(id: id, name: "Driver \(id)", carrierId: carrier, equipment: equipment, homeCity: "Dallas", homeState: "TX",
               lat: lat, lon: lon, positionAt: now,
               hos: HOSClocks(driveMinutes: driveMinutes, shiftMinutes: 840, cycleMinutes: 4_000, breakMinutes: 480, asOf: now),
               available: available, phone: "")
    }

    func carrier(_ id: String, _ verdict: Verdict) -> Carrier {
        Carrier(id: id, name: "Carrier \(id)", dotNumber: "1", mcNumber: "2", allowedToOperate: verdict != .doNotUse,
                statusCode: "A", oosDate: nil, safetyRating: "Satisfactory", bipdOnFile: 1_000_000, bipdRequired: 750_000,
                cargoOnFile: 100_000, cargoRequired: 100_000, insuranceExpiresAt: now + 90 * 86_400,
                authorityGrantedAt: now - 900 * 86_400, powerUnits: 10, verdict: verdict, verdictReason: "because \(verdict)",
                checkedAt: now)
    }

    @Test func cleanNearMatchesFirstThenWarningsAndNeverDoNotUse() {
        let pickup = Stop(kind: .pickup, city: "Dallas", state: "TX", zip: "75201", lat: 32.78, lon: -96.80,
                          windowStart: now + 3_600, windowEnd: now + 3 * 3_600)
        let load = Load(id: "L-1", reference: "R", shipper: "S", stops: [pickup], equipment: "V", fullLoad: true,
                        weightLbs: 1, lengthFt: 53, commodity: "c", hazmat: false, miles: 100, rateCents: 1, rateKind: .flat,
                        postedAt: now)
        let carriers = ["C-1": carrier("C-1", .ok), "C-2": carrier("C-2", .warn), "C-3": carrier("C-3", .doNotUse)]
        let drivers = [
            driver("D-far", lat: 33.9, lon: -96.8),                 // ~90 mi: late for a 3 h window? 108 road mi = 130 min: on time
            driver("D-near", lat: 32.80, lon: -96.85),              // a few miles
            driver("D-reefer", lat: 32.79, lon: -96.80, equipment: "R"),
            driver("D-warn", lat: 32.81, lon: -96.81, carrier: "C-2"),
            driver("D-dnu", lat: 32.78, lon: -96.80, carrier: "C-3"),
            driver("D-tired", lat: 32.9, lon: -96.9, driveMinutes: 5),
            driver("D-late", lat: 35.47, lon: -97.52),              // Oklahoma City: ~250 road mi, 5 h: misses the window
            driver("D-off", lat: 32.78, lon: -96.80, available: false),
        ]
        let ranked = DriverMatch.rank(load, drivers: drivers, carriers: carriers, now: now, maxDeadheadMiles: 300)
        #expect(ranked.map(\.driver.id) == ["D-near", "D-far", "D-warn", "D-tired", "D-late", "D-reefer"])
        #expect(!ranked.contains { $0.driver.id == "D-dnu" || $0.driver.id == "D-off" })
        let tired = ranked.first { $0.driver.id == "D-tired" }
        #expect(tired?.warnings == ["out of hours"])
        #expect(ranked.first { $0.driver.id == "D-late" }?.warnings == ["late"])
        #expect(ranked.first { $0.driver.id == "D-warn" }?.warnings == ["carrier warn"])
        #expect(ranked.first { $0.driver.id == "D-reefer" }?.warnings == ["equipment R"])
        #expect(DriverMatch.rank(load, drivers: drivers, carriers: carriers, now: now, maxDeadheadMiles: 20)
            .allSatisfy { $0.deadheadMiles <= 20 })
    }
}
