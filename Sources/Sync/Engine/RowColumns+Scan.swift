import Domain

/// The columns of loads and status events read straight from a pull page (`JSONScanner`).
///
/// `JSONDecoder` took 23 µs per load (2.3 s of a 100,000-load snapshot's 3.7 s of decoding), most
/// of it Codable's per-key work. Each returns nil where the scanner gives up; `PullBatch` then
/// decodes the whole collection with `JSONDecoder`, so the result never differs.
extension LoadColumns {
    static func scan(_ bytes: [UInt8], _ range: Range<Int>) -> LoadColumns? {
        var scanner = JSONScanner(bytes, range)
        var id, reference, equipment, shipper, commodity: String?
        var status: LoadStatus?
        var fullLoad: Bool?
        var weight, length, miles, rate, posted: Int64?
        var driverId: String?, carrierId: String?
        var stops: [StopColumns]?
        var seen = FieldsSeen()
        let complete = scanner.object { scanner, key in
            switch key {
            case _ where key.is("id"): guard seen.first(0) else { return false }; id = scanner.string(); return id != nil
            case _ where key.is("reference"):
                guard seen.first(1) else { return false }; reference = scanner.string(); return reference != nil
            case _ where key.is("equipment"):
                guard seen.first(2) else { return false }; equipment = scanner.string(); return equipment != nil
            case _ where key.is("shipper"):
                guard seen.first(3) else { return false }; shipper = scanner.string(); return shipper != nil
            case _ where key.is("commodity"):
                guard seen.first(4) else { return false }; commodity = scanner.string(); return commodity != nil
            case _ where key.is("status"):
                guard seen.first(5) else { return false }
                status = scanner.string().flatMap(LoadStatus.init(rawValue:))
                return status != nil
            case _ where key.is("fullLoad"):
                guard seen.first(6) else { return false }; fullLoad = scanner.bool(); return fullLoad != nil
            case _ where key.is("weightLbs"): guard seen.first(7) else { return false }; weight = scanner.int(); return weight != nil
            case _ where key.is("lengthFt"): guard seen.first(8) else { return false }; length = scanner.int(); return length != nil
            case _ where key.is("miles"): guard seen.first(9) else { return false }; miles = scanner.int(); return miles != nil
            case _ where key.is("rateCents"): guard seen.first(10) else { return false }; rate = scanner.int(); return rate != nil
            case _ where key.is("postedAt"): guard seen.first(11) else { return false }; posted = scanner.int(); return posted != nil
            case _ where key.is("driverId"):
                guard seen.first(12), let value = scanner.optionalString() else { return false }
                driverId = value
                return true
            case _ where key.is("carrierId"):
                guard seen.first(13), let value = scanner.optionalString() else { return false }
                carrierId = value
                return true
            case _ where key.is("stops"):
                guard seen.first(14) else { return false }
                var list: [StopColumns] = []
                guard scanner.array({ scanner in
                    guard let stop = StopColumns.scan(&scanner) else { return false }
                    list.append(stop)
                    return true
                }) else { return false }
                stops = list
                return true
            default: return scanner.skip()
            }
        }
        guard complete, scanner.atEnd(), let id, let reference, let status, let equipment, let fullLoad, let weight,
              let length, let miles, let rate, let posted, let stops, let shipper, let commodity,
              let weightLbs = Int(exactly: weight), let lengthFt = Int(exactly: length), let miles = Int(exactly: miles)
        else { return nil }
        return LoadColumns(id: id, reference: reference, status: status, equipment: equipment, fullLoad: fullLoad,
                           weightLbs: weightLbs, lengthFt: lengthFt, miles: miles, rateCents: rate, postedAt: posted,
                           driverId: driverId, carrierId: carrierId, stops: stops, shipper: shipper, commodity: commodity)
    }
}

extension LoadColumns.StopColumns {
    static func scan(_ scanner: inout JSONScanner) -> LoadColumns.StopColumns? {
        var kind: Stop.Kind?
        var city, state: String?
        var windowStart: Int64?
        var lat, lon: Double?
        var seen = FieldsSeen()
        let complete = scanner.object { scanner, key in
            switch key {
            case _ where key.is("kind"):
                guard seen.first(0) else { return false }
                kind = scanner.string().flatMap(Stop.Kind.init(rawValue:))
                return kind != nil
            case _ where key.is("city"): guard seen.first(1) else { return false }; city = scanner.string(); return city != nil
            case _ where key.is("state"): guard seen.first(2) else { return false }; state = scanner.string(); return state != nil
            case _ where key.is("windowStart"):
                guard seen.first(3) else { return false }; windowStart = scanner.int(); return windowStart != nil
            case _ where key.is("lat"): guard seen.first(4) else { return false }; lat = scanner.double(); return lat != nil
            case _ where key.is("lon"): guard seen.first(5) else { return false }; lon = scanner.double(); return lon != nil
            default: return scanner.skip()
            }
        }
        guard complete, let kind, let city, let state, let windowStart, let lat, let lon else { return nil }
        return LoadColumns.StopColumns(kind: kind, city: city, state: state, windowStart: windowStart, lat: lat, lon: lon)
    }
}

extension EventColumns {
    static func scan(_ bytes: [UInt8], _ range: Range<Int>) -> EventColumns? {
        var scanner = JSONScanner(bytes, range)
        var id, loadId: String?
        var at: Int64?
        var seen = FieldsSeen()
        let complete = scanner.object { scanner, key in
            switch key {
            case _ where key.is("id"): guard seen.first(0) else { return false }; id = scanner.string(); return id != nil
            case _ where key.is("loadId"): guard seen.first(1) else { return false }; loadId = scanner.string(); return loadId != nil
            case _ where key.is("at"): guard seen.first(2) else { return false }; at = scanner.int(); return at != nil
            default: return scanner.skip()
            }
        }
        guard complete, scanner.atEnd(), let id, let loadId, let at else { return nil }
        return EventColumns(id: id, loadId: loadId, at: at)
    }
}

/// Which of a row's known keys were read: a key met twice makes the scanner decline.
struct FieldsSeen {
    private var bits: UInt32 = 0

    /// True the first time `field` is met.
    mutating func first(_ field: UInt32) -> Bool {
        let bit = UInt32(1) << field
        defer { bits |= bit }
        return bits & bit == 0
    }
}

extension ArraySlice where Element == UInt8 {
    /// Whether these bytes spell `name` (keys are compared without making strings).
    func `is`(_ name: StaticString) -> Bool {
        guard count == name.utf8CodeUnitCount else { return false }
        var offset = 0
        for byte in self {
            if byte != name.utf8Start[offset] { return false }
            offset += 1
        }
        return true
    }
}
