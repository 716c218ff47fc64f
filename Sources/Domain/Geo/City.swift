import Foundation

/// A US city dispatch knows: where stops, lanes and driver homes are, resolved the same way
/// by the console (forms, completion) and by the server's rules.
public struct City: Sendable, Hashable {
    public let name: String
    public let state: String
    public let zip: String
    public let lat: Double
    public let lon: Double
    /// Relative freight volume, roughly metro population in 100k (min 1); freight hubs weighted higher.
    public let weight: Int

    public init(name: String, state: String, zip: String, lat: Double, lon: Double, weight: Int) {
        self.name = name
        self.state = state
        self.zip = zip
        self.lat = lat
        self.lon = lon
        self.weight = weight
    }

    public var point: GeoPoint { GeoPoint(lat: lat, lon: lon) }
    /// "Kansas City, MO"
    public var place: String { "\(name), \(state)" }

    /// The IANA zone appointments at this city are kept in.
    public var timeZoneIdentifier: String {
        City.zoneOverrides[place] ?? City.stateZones[state] ?? "America/Chicago"
    }

    /// Made once per zone: building a `TimeZone` reads the zone database, and an import of
    /// 100,000 rows asked for one per stop.
    public var timeZone: TimeZone { City.zones[timeZoneIdentifier] ?? TimeZone(secondsFromGMT: 0)! }

    private static let zones: [String: TimeZone] = {
        let identifiers = Set(all.map(\.timeZoneIdentifier))
        return Dictionary(uniqueKeysWithValues: identifiers.compactMap { id in TimeZone(identifier: id).map { (id, $0) } })
    }()

    /// Looks up "Kansas City, MO", "kansas city mo", "Kansas City MO" or a ZIP code ("64106").
    /// A name alone ("Memphis") resolves only when one state has it.
    public static func find(_ text: String) -> City? {
        let key = normalized(text)
        guard !key.isEmpty else { return nil }
        if let city = byKey[key] { return city }
        if let city = byZip[key] { return city }
        let named = all.filter { normalized($0.name) == key }
        return named.count == 1 ? named[0] : nil
    }

    /// Cities whose "Name, ST" starts with what was typed (case and punctuation ignored), busiest first.
    public static func completions(of prefix: String, limit: Int = 8) -> [City] {
        let key = normalized(prefix)
        guard !key.isEmpty else { return [] }
        return all.filter { normalized($0.place).hasPrefix(key) || $0.zip.hasPrefix(key) }
            .sorted { ($0.weight, $1.name) > ($1.weight, $0.name) }
            .prefix(limit).map { $0 }
    }

    /// Lower case, letters, digits and single spaces: "Kansas City, MO" → "kansas city mo".
    static func normalized(_ text: String) -> String {
        // ASCII, as city names and ZIPs are, in bytes: the Unicode-aware path cost a property
        // lookup per character, for every stop of every load an import checks.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count)
            var space = false
            for byte in text.utf8 {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if space, !out.isEmpty { out.append(0x20) }
                    space = false
                    out.append(lower)
                } else {
                    space = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        let mapped = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(mapped).split(separator: " ").joined(separator: " ")
    }

    private static let byKey: [String: City] = Dictionary(all.map { (normalized($0.place), $0) }) { first, _ in first }
    private static let byZip: [String: City] = Dictionary(all.map { ($0.zip, $0) }) { first, _ in first }

    /// The zone of most of each state; the cities of split states on the other side are below.
    private static let stateZones: [String: String] = {
        var zones: [String: String] = [:]
        let eastern = ["CT", "DE", "FL", "GA", "KY", "MA", "MD", "ME", "NC", "NH", "NJ", "NY", "OH", "PA", "RI",
                       "SC", "VA", "VT", "WV"]
        let central = ["AL", "AR", "IA", "IL", "KS", "LA", "MN", "MO", "MS", "ND", "NE", "OK", "SD", "TN", "TX", "WI"]
        let mountain = ["CO", "MT", "NM", "UT", "WY"]
        let pacific = ["CA", "NV", "OR", "WA"]
        for state in eastern { zones[state] = "America/New_York" }
        for state in central { zones[state] = "America/Chicago" }
        for state in mountain { zones[state] = "America/Denver" }
        for state in pacific { zones[state] = "America/Los_Angeles" }
        zones["AZ"] = "America/Phoenix"
        zones["ID"] = "America/Boise"
        zones["IN"] = "America/Indiana/Indianapolis"
        zones["MI"] = "America/Detroit"
        return zones
    }()

    private static let zoneOverrides: [String: String] = [
        "El Paso, TX": "America/Denver",
        "Pensacola, FL": "America/Chicago",
        "Knoxville, TN": "America/New_York", "Chattanooga, TN": "America/New_York",
        "Johnson City, TN": "America/New_York", "Kingsport, TN": "America/New_York",
        "Bowling Green, KY": "America/Chicago", "Paducah, KY": "America/Chicago", "Owensboro, KY": "America/Chicago",
        "Evansville, IN": "America/Chicago", "Gary, IN": "America/Chicago",
        "Rapid City, SD": "America/Denver",
    ]
}
