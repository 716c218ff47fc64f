import Domain

/// The rows of one seeded load: the load and what its history produced.
public struct SeededLoad: Sendable {
    public var load: Load
    public var events: [StatusEvent] = []
    public var invoice: Invoice?
    public var payout: Payout?
}

/// Builds seed rows from `SeedData` with a seeded generator: same seed, same data.
struct SeedGenerator {
    let options: Seeder.Options
    /// Goes after the letter of every id ("L-G17"), keeping one organisation's ids apart from another's.
    let idPrefix: String
    var random: SeededRandom
    let cityWeights: [Int]
    let cityTotal: Int
    let equipmentWeights: [Int]
    let equipmentTotal: Int
    static let day: Int64 = 86_400
    static let hour: Int64 = 3_600

    init(options: Seeder.Options, idPrefix: String = "") {
        self.options = options
        self.idPrefix = idPrefix
        random = SeededRandom(seed: options.seed)
        cityWeights = SeedData.cities.map { max(1, $0.weight) }
        cityTotal = cityWeights.reduce(0, +)
        equipmentWeights = SeedData.equipmentMix.map(\.weight)
        equipmentTotal = equipmentWeights.reduce(0, +)
    }

    var now: Int64 { options.now }

    mutating func city() -> SeedCity { SeedData.cities[random.weighted(cityWeights, total: cityTotal)] }
    mutating func equipment() -> String { SeedData.equipmentMix[random.weighted(equipmentWeights, total: equipmentTotal)].code }

    /// Long-haul lanes go to another city; construction hauls stay within 120 miles of the pit
    /// (or across town when no city is that close).
    ///
    /// Most truckload lanes are regional: of three candidate cities the nearest is taken
    /// two times in three, which brings the average length of haul near the industry's.
    mutating func destination(from origin: SeedCity, construction: Bool) -> SeedCity {
        var candidates: [SeedCity] = []
        for _ in 0..<40 where candidates.count < (construction ? 1 : 3) {
            let candidate = city()
            guard candidate.name != origin.name || candidate.state != origin.state else { continue }
            if !construction || origin.point.miles(to: candidate.point) < 120 { candidates.append(candidate) }
        }
        guard let first = candidates.first else { return origin }
        guard random.chance(2.0 / 3.0) else { return first }
        return candidates.min { origin.point.miles(to: $0.point) < origin.point.miles(to: $1.point) } ?? first
    }

    mutating func carriers() -> [Carrier] {
        (1...max(1, options.carriers)).map { number in
            let name = SeedData.carrierNames[(number - 1) % SeedData.carrierNames.count]
                + (number > SeedData.carrierNames.count ? " \(number / SeedData.carrierNames.count + 1)" : "")
            var carrier = Carrier(
                id: "C-\(idPrefix)\(number)", name: name, dotNumber: String(1_000_000 + number * 37 % 2_900_000),
                mcNumber: String(100_000 + number * 53 % 1_300_000), allowedToOperate: true, statusCode: "A",
                oosDate: nil, safetyRating: random.chance(0.6) ? "Satisfactory" : "",
                bipdOnFile: random.pick([750, 1_000, 1_000, 1_000, 2_000]), bipdRequired: 750,
                cargoOnFile: random.pick([100, 100, 250]), cargoRequired: 100,
                insuranceExpiresAt: now + Int64(random.int(45...400)) * Self.day,
                authorityGrantedAt: now - Int64(random.int(400...7_000)) * Self.day,
                powerUnits: random.chance(0.91) ? random.int(1...6) : random.int(7...250),
                verdict: .ok, verdictReason: "", checkedAt: now - Int64(random.int(0...36)) * Self.hour)
            // The mix a broker actually sees: most clean, some expiring, a few that must not be used.
            let roll = random.int(1...100)
            switch roll {
            case 1...9: carrier.insuranceExpiresAt = now + Int64(random.int(1...29)) * Self.day
            case 10...13: carrier.authorityGrantedAt = now - Int64(random.int(20...170)) * Self.day
            case 14...16: carrier.safetyRating = "Conditional"
            case 17...21: carrier.insuranceExpiresAt = now - Int64(random.int(1...90)) * Self.day
            case 22...25:
                carrier.allowedToOperate = false
                carrier.oosDate = now - Int64(random.int(1...200)) * Self.day
            case 26: carrier.bipdOnFile = 500
            default: break
            }
            let assessment = carrier.assess(now: now)
            carrier.verdict = assessment.verdict
            carrier.verdictReason = assessment.reason
            return carrier
        }
    }

    mutating func drivers(carriers: [Carrier]) -> [Driver] {
        (1...max(1, options.drivers)).map { number in
            let home = city()
            let carrier = carriers[(number * 7 + random.int(0...3)) % carriers.count]
            let name = "\(random.pick(SeedData.firstNames)) \(random.pick(SeedData.lastNames))"
            let drive = random.int(0...11 * 60)
            let hos = HOSClocks(driveMinutes: drive, shiftMinutes: min(14 * 60, drive + random.int(0...180)),
                                cycleMinutes: random.int(600...70 * 60), breakMinutes: random.int(0...8 * 60),
                                asOf: now - Int64(random.int(0...7_200)))
            // Half are near home, the rest out on the road somewhere.
            let spot = random.chance(0.5) ? home : city()
            return Driver(
                id: "D-\(idPrefix)\(number)", name: name, carrierId: carrier.id, equipment: equipment(),
                homeCity: home.name, homeState: home.state,
                lat: spot.lat + Double(random.int(-250...250)) / 1_000,
                lon: spot.lon + Double(random.int(-250...250)) / 1_000,
                positionAt: now - Int64(random.int(0...3_600)), hos: hos, available: random.chance(0.85),
                phone: "(\(random.int(201...989))) 555-\(String(random.int(1_000...9_999)))")
        }
    }

    mutating func load(number: Int, drivers: [Driver], carriers: [Carrier]) -> SeededLoad {
        let equipment = equipment()
        let construction = Equipment.named(equipment)?.construction ?? false
        let origin = city()
        let destination = destination(from: origin, construction: construction)
        var miles = origin.point.roadMiles(to: destination.point)
        if miles < 5 { miles = random.int(8...45) }

        let weightRange = SeedData.weightLbs[equipment] ?? 20_000...44_000
        let weight = random.int(weightRange) / 100 * 100
        let rateRange = SeedData.ratePerMileCents[equipment] ?? 180...350
        let rateKind: RateKind
        var rateCents: Int64
        if construction {
            rateKind = .perTon
            rateCents = Int64(random.int(rateRange)) * Int64(max(1, weight / 2_000))
        } else {
            rateKind = random.chance(0.8) ? .flat : .perMile
            rateCents = Int64(random.int(rateRange)) * Int64(miles)
            rateCents = max(15_000, (rateCents + 1_250) / 2_500 * 2_500)
        }

        // Status mix: mostly open postings, then covered, on the road, and a history of delivered loads.
        let roll = random.int(1...100)
        let status: LoadStatus
        var pickupStart: Int64
        switch roll {
        case 1...68:
            status = .posted
            pickupStart = now + Int64(random.int(1...14 * 24)) * Self.hour
        case 69...78:
            status = random.chance(0.5) ? .assigned : .dispatched
            pickupStart = now + Int64(random.int(2...5 * 24)) * Self.hour
        case 79...85:
            status = random.pick([.arrivedPickup, .departedPickup, .enRoute, .arrivedDelivery])
            pickupStart = now - Int64(random.int(6...48)) * Self.hour
        default:
            status = .delivered
            pickupStart = now - Int64(random.int(3...120)) * Self.day
        }
        pickupStart = pickupStart / 1_800 * 1_800
        let transit = Int64(max(2, miles / 50 + 2)) * Self.hour
        let deliveryStart = pickupStart + transit
        var stops = [
            Stop(kind: .pickup, city: origin.name, state: origin.state, zip: origin.zip, lat: origin.lat,
                 lon: origin.lon, windowStart: pickupStart, windowEnd: pickupStart + 2 * Self.hour),
            Stop(kind: .delivery, city: destination.name, state: destination.state, zip: destination.zip,
                 lat: destination.lat, lon: destination.lon, windowStart: deliveryStart,
                 windowEnd: deliveryStart + 4 * Self.hour),
        ]
        let shipper = random.pick(SeedData.shippers)
        let commodities = SeedData.commodities[equipment] ?? ["General freight"]
        var commodity = random.pick(commodities)
        if construction, let site = SeedData.jobSites.first(where: { $0.city == destination.name && $0.state == destination.state }) {
            commodity += " to \(site.name)"
        }
        var load = Load(
            id: "L-\(idPrefix)\(number)", reference: "\(shipper.prefix(2).uppercased())\(100_000 + number * 7 % 900_000)",
            shipper: shipper, stops: stops, equipment: equipment, fullLoad: random.chance(0.82),
            weightLbs: weight, lengthFt: SeedData.lengthFt[equipment] ?? 53, commodity: commodity,
            hazmat: equipment == "TNK" ? random.chance(0.4) : random.chance(0.02), miles: miles,
            rateCents: rateCents, rateKind: rateKind,
            postedAt: min(now, pickupStart) - Int64(random.int(10...72 * 60)) * 60, status: .posted)
        var seeded = SeededLoad(load: load)
        guard status != .posted else { return seeded }

        var driver = drivers[random.int(0...(drivers.count - 1))]
        if status <= .dispatched {
            // Covered loads go to drivers whose carrier may be used, as the rules demand.
            for _ in 0..<8 where carriers.first(where: { $0.id == driver.carrierId })?.verdict == .doNotUse {
                driver = drivers[random.int(0...(drivers.count - 1))]
            }
        }
        load.driverId = driver.id
        load.carrierId = driver.carrierId
        load.status = status
        var events: [StatusEvent] = []
        func event(_ code: StatusCode, _ at: Int64, _ point: GeoPoint) {
            // Proof of delivery names the consignee's signer; derived from the number, so the random stream is unchanged.
            let signer = code == .delivered
                ? "\(SeedData.firstNames[number % SeedData.firstNames.count].prefix(1)). "
                    + SeedData.lastNames[(number / 7) % SeedData.lastNames.count]
                : nil
            events.append(StatusEvent(id: "E-\(idPrefix)\(number)-\(code.rawValue)", loadId: load.id, code: code, at: at,
                                      lat: point.lat, lon: point.lon, recordedBy: driver.id.lowercased(), podSigner: signer))
        }
        let codes: [StatusCode] = [.arrivedPickup, .loaded, .departedPickup, .enRoute, .arrivedDelivery, .unloaded,
                                   .departedDelivery, .delivered]
        var clock = pickupStart + Int64(random.int(-30...90)) * 60
        for code in codes where (code.status ?? .posted) <= status {
            let atDelivery = (code.status ?? .posted) >= .arrivedDelivery
            if code == .arrivedDelivery { clock = deliveryStart + Int64(random.int(-60...120)) * 60 }
            event(code, min(clock, now), atDelivery ? destination.point : origin.point)
            clock += Int64(random.int(20...90)) * 60
        }
        for (index, stop) in stops.enumerated() {
            let arrive = events.first { $0.code == (stop.kind == .pickup ? .arrivedPickup : .arrivedDelivery) }?.at
            let depart = events.first { $0.code == (stop.kind == .pickup ? .departedPickup : .departedDelivery) }?.at
            stops[index].arrivedAt = arrive
            stops[index].departedAt = depart
        }
        load.stops = stops
        load.version = Int64(1 + events.count)
        seeded.load = load
        seeded.events = events

        if status == .delivered {
            let deliveredAt = events.last?.at ?? deliveryStart
            let terms = Int64(random.pick([30, 30, 45])) * Self.day
            let paid = deliveredAt < now - 40 * Self.day ? random.chance(0.8) : random.chance(0.15)
            seeded.invoice = Invoice(
                id: "I-\(idPrefix)\(number)", loadId: load.id, shipper: shipper, amountCents: rateCents * 118 / 100,
                issuedAt: deliveredAt, dueAt: deliveredAt + terms,
                status: paid ? .paid : (random.chance(0.05) ? .disputed : .open),
                paidAt: paid ? min(now, deliveredAt + Int64(random.int(20...60)) * Self.day) : nil)
            let quickPay = random.chance(0.2)
            let fee = quickPay ? rateCents * Int64(random.int(15...50)) / 1_000 : 0
            let payoutStatus: Payout.Status = deliveredAt < now - 30 * Self.day
                ? (random.chance(0.9) ? .paid : .failed)
                : random.pick([.pending, .pending, .approved, .held, .paid])
            seeded.payout = Payout(
                id: "P-\(idPrefix)\(number)", loadId: load.id, carrierId: driver.carrierId, amountCents: rateCents,
                method: quickPay ? .quickPay : .standard, feeCents: fee, status: payoutStatus,
                dueAt: deliveredAt + (quickPay ? Int64(random.int(1...7)) : 30) * Self.day)
        }
        return seeded
    }
}

