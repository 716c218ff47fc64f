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
        var seen = Set<String>()
        let complete = scanner.object { scanner, key in
            let name = String(decoding: key, as: UTF8.self)
            guard seen.insert(name).inserted else { return false }
            switch name {
            case "id": id = scanner.string(); return id != nil
            case "reference": reference = scanner.string(); return reference != nil
            case "equipment": equipment = scanner.string(); return equipment != nil
            case "shipper": shipper = scanner.string(); return shipper != nil
            case "commodity": commodity = scanner.string(); return commodity != nil
            case "status": status = scanner.string().flatMap(LoadStatus.init(rawValue:)); return status != nil
            case "fullLoad": fullLoad = scanner.bool(); return fullLoad != nil
            case "weightLbs": weight = scanner.int(); return weight != nil
            case "lengthFt": length = scanner.int(); return length != nil
            case "miles": miles = scanner.int(); return miles != nil
            case "rateCents": rate = scanner.int(); return rate != nil
            case "postedAt": posted = scanner.int(); return posted != nil
            case "driverId":
                guard let value = scanner.optionalString() else { return false }
                driverId = value
                return true
            case "carrierId":
                guard let value = scanner.optionalString() else { return false }
                carrierId = value
                return true
            case "stops":
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
        var seen = Set<String>()
        let complete = scanner.object { scanner, key in
            let name = String(decoding: key, as: UTF8.self)
            guard seen.insert(name).inserted else { return false }
            switch name {
            case "kind": kind = scanner.string().flatMap(Stop.Kind.init(rawValue:)); return kind != nil
            case "city": city = scanner.string(); return city != nil
            case "state": state = scanner.string(); return state != nil
            case "windowStart": windowStart = scanner.int(); return windowStart != nil
            case "lat": lat = scanner.double(); return lat != nil
            case "lon": lon = scanner.double(); return lon != nil
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
        var seen = Set<String>()
        let complete = scanner.object { scanner, key in
            let name = String(decoding: key, as: UTF8.self)
            guard seen.insert(name).inserted else { return false }
            switch name {
            case "id": id = scanner.string(); return id != nil
            case "loadId": loadId = scanner.string(); return loadId != nil
            case "at": at = scanner.int(); return at != nil
            default: return scanner.skip()
            }
        }
        guard complete, scanner.atEnd(), let id, let loadId, let at else { return nil }
        return EventColumns(id: id, loadId: loadId, at: at)
    }
}
