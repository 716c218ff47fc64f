import Foundation

/// Where a load starts or ends, as a board filter: a state, a city, or a city (or any point)
/// with a radius in road miles — the deadhead a carrier accepts to reach the pickup.
public struct PlaceFilter: Codable, Sendable, Hashable {
    public var city: String?
    public var state: String?
    /// Road miles around `center`; nil means the exact city or state.
    public var miles: Int?
    /// The radius's centre: found for a typed city in the mirror, or a driver's position.
    public var center: GeoPoint?

    public init(city: String? = nil, state: String? = nil, miles: Int? = nil, center: GeoPoint? = nil) {
        self.city = city
        self.state = state
        self.miles = miles
        self.center = center
    }

    /// A radius filter around a point (a driver's position), with a name to show.
    public static func near(_ point: GeoPoint, miles: Int, name: String) -> PlaceFilter {
        PlaceFilter(city: name, miles: miles, center: point)
    }

    /// A radius needs its centre before a query can run.
    public var needsCenter: Bool { miles != nil && center == nil }

    /// "Dallas, TX +150mi", "TX", "Dallas, TX".
    public var label: String {
        var text = [city, state].compactMap { $0 }.joined(separator: ", ")
        if let miles { text += " +\(miles)mi" }
        return text
    }

    /// The text a user would type to get this filter back (the form shows it when reopened).
    public var input: String {
        [[city, state].compactMap { $0 }.joined(separator: ", "), miles.map(String.init)].compactMap { $0 }.joined(separator: " ")
    }

    /// Parses "TX", "Dallas, TX", "Dallas TX 150", "Dallas, TX +150", "dallas,tx+150mi".
    /// The state is two letters; a radius needs a city; miles are 1–1,000.
    public static func parse(_ text: String) -> Result<PlaceFilter?, BoardInputError> {
        var rest = text.trimmingCharacters(in: .whitespaces)
        guard !rest.isEmpty else { return .success(nil) }
        var miles: Int?
        // A trailing number (with an optional + and "mi") is the radius.
        var tail = rest.lowercased()
        if tail.hasSuffix("mi") { tail.removeLast(2) }
        let digits = String(tail.reversed().prefix { $0.isNumber }.reversed())
        if !digits.isEmpty {
            guard let value = Int(digits), (1...1_000).contains(value) else {
                return .failure(.init("radius must be 1–1000 miles"))
            }
            miles = value
            tail.removeLast(digits.count)
            rest = String(rest.prefix(tail.count)).trimmingCharacters(in: .whitespaces)
            if rest.hasSuffix("+") { rest.removeLast() }
            rest = rest.trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        }
        let parts = rest.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        guard !parts.isEmpty else { return .failure(.init("name a city or a state before the miles, e.g. Dallas, TX 150")) }
        if parts.count == 1, parts[0].count == 2, parts[0].allSatisfy(\.isLetter), miles != nil {
            return .failure(.init("a radius needs a city, e.g. Dallas, TX 150"))
        }
        var state: String?
        var cityWords = parts
        if let last = parts.last, last.count == 2, last.allSatisfy(\.isLetter), parts.count > 1 || miles == nil {
            state = last.uppercased()
            cityWords.removeLast()
        }
        let city = cityWords.isEmpty ? nil : cityWords.map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " ")
        if city == nil, miles != nil { return .failure(.init("a radius needs a city, e.g. Dallas, TX 150")) }
        if city == nil, state == nil { return .failure(.init("a state code (TX) or a city (Dallas, TX)")) }
        if let city, city.count > 60 { return .failure(.init("city name too long")) }
        return .success(PlaceFilter(city: city, state: state, miles: miles))
    }
}
