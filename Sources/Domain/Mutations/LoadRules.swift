import Foundation

/// What a load's terms must be, checked the same way by forms, the CLI, the CSV import and the
/// server's rules. Every problem names the field it is about, so a form shows it beside that field.
public enum LoadRules {
    /// A field of the terms; stops are numbered from 1 as users count them.
    public enum Field: Hashable, Sendable, CustomStringConvertible {
        case shipper, reference, commodity, equipment, weight, length, rate, stops
        case stopCity(Int), stopAddress(Int), stopWindow(Int)

        public var description: String {
            switch self {
            case .shipper: "shipper"
            case .reference: "reference"
            case .commodity: "commodity"
            case .equipment: "equipment"
            case .weight: "weight"
            case .length: "length"
            case .rate: "rate"
            case .stops: "stops"
            case .stopCity(let n): "stop \(n) city"
            case .stopAddress(let n): "stop \(n) address"
            case .stopWindow(let n): "stop \(n) window"
            }
        }
    }

    public typealias Problem = FieldProblem<Field>

    public static let maxWeightLbs = 150_000
    public static let maxLengthFt = 120
    public static let maxTotalRateCents: Int64 = 50_000_000
    public static let stopCount = 2...6
    /// The longest appointment window a stop may have.
    public static let maxWindowSeconds: Int64 = 72 * 3_600
    static let textLimits: [Field: Int] = [.shipper: 80, .reference: 40, .commodity: 80]
    public static let maxAddressLength = 120

    /// Every problem with `terms`, in the order of the fields; empty when they can be posted.
    public static func problems(_ terms: Mutation.LoadTerms) -> [Problem] {
        var found: [Problem] = []
        for (field, value) in [(Field.shipper, terms.shipper), (.reference, terms.reference), (.commodity, terms.commodity)] {
            if let problem = textProblem(value, limit: textLimits[field] ?? 80) { found.append(Problem(field, problem)) }
        }
        if Equipment.named(terms.equipment.trimmingCharacters(in: .whitespaces)) == nil {
            found.append(Problem(.equipment, "unknown equipment '\(terms.equipment.prefix(12))'; one of "
                                 + Equipment.all.map(\.code).joined(separator: ", ")))
        }
        if !(1...maxWeightLbs).contains(terms.weightLbs) {
            found.append(Problem(.weight, "must be between 1 and \(Format.count(maxWeightLbs)) lbs"))
        }
        if !(1...maxLengthFt).contains(terms.lengthFt) {
            found.append(Problem(.length, "must be between 1 and \(maxLengthFt) ft"))
        }
        if terms.rateCents <= 0 { found.append(Problem(.rate, "must be more than $0")) }
        found += stopProblems(terms.stops)
        if found.isEmpty, let resolved = try? resolve(terms), resolved.rateCents > maxTotalRateCents {
            // (Resolving again here is cheap: every city was just found.)
            found.append(Problem(.rate, "comes to \(Money.dollars(resolved.rateCents)) in all, more than "
                                 + Money.dollars(maxTotalRateCents)))
        }
        return found
    }

    private static func stopProblems(_ stops: [Mutation.StopPlan]) -> [Problem] {
        var found: [Problem] = []
        guard stopCount.contains(stops.count) else {
            return [Problem(.stops, "a load has \(stopCount.lowerBound) to \(stopCount.upperBound) stops, not \(stops.count)")]
        }
        if stops.first?.kind != .pickup { found.append(Problem(.stops, "the first stop must be a pickup")) }
        if stops.last?.kind != .delivery { found.append(Problem(.stops, "the last stop must be a delivery")) }
        for (index, stop) in stops.enumerated() {
            let n = index + 1
            if City.find(stop.city) == nil {
                let shown = stop.city.trimmingCharacters(in: .whitespaces).prefix(30)
                found.append(Problem(.stopCity(n), shown.isEmpty ? "a city is required"
                                     : "unknown city '\(shown)'; type a city as \"Dallas, TX\" or a ZIP code"))
            }
            if let address = stop.address, let problem = textProblem(address, limit: maxAddressLength, required: false) {
                found.append(Problem(.stopAddress(n), problem))
            }
            if stop.windowEnd < stop.windowStart {
                found.append(Problem(.stopWindow(n), "the window ends before it starts"))
            } else if stop.windowEnd - stop.windowStart > maxWindowSeconds {
                found.append(Problem(.stopWindow(n), "a window is at most \(maxWindowSeconds / 3_600) hours long"))
            }
            if index > 0, stop.windowStart < stops[index - 1].windowStart {
                found.append(Problem(.stopWindow(n), "starts before stop \(index)'s window; stops are in the order they are run"))
            }
        }
        return found
    }

    /// Why a text field cannot be stored: empty, too long, control characters or more than one line.
    public static func textProblem(_ value: String, limit: Int, required: Bool = true) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return required ? "is required" : nil }
        if trimmed.count > limit { return "is at most \(limit) characters (this is \(trimmed.count))" }
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F
            || ($0.value >= 0x80 && $0.properties.generalCategory == .control) }) {
            return "must be one line of text, without control characters"
        }
        return nil
    }

    /// The stops, miles and total rate the terms come to.
    public struct Resolved: Sendable, Hashable {
        public var stops: [Stop]
        public var miles: Int
        public var rateCents: Int64
        /// nil for a flat rate.
        public var unitRateCents: Int64?
    }

    /// Resolves the cities and works out miles and the total rate; throws the first problem.
    public static func resolve(_ terms: Mutation.LoadTerms) throws -> Resolved {
        var stops: [Stop] = []
        for (index, plan) in terms.stops.enumerated() {
            guard let city = City.find(plan.city) else { throw Problem(.stopCity(index + 1), "unknown city '\(plan.city.prefix(30))'") }
            let address = plan.address?.trimmingCharacters(in: .whitespaces)
            stops.append(Stop(kind: plan.kind, city: city.name, state: city.state, zip: city.zip, lat: city.lat,
                              lon: city.lon, windowStart: plan.windowStart, windowEnd: plan.windowEnd,
                              address: address?.isEmpty == false ? address : nil))
        }
        let miles = max(1, zip(stops, stops.dropFirst()).reduce(0) { $0 + $1.0.point.roadMiles(to: $1.1.point) })
        let unit = terms.rateCents
        let total: Int64 = switch terms.rateKind {
        case .flat: unit
        case .perMile: unit * Int64(miles)
        case .perTon: Int64((Double(unit) * Double(terms.weightLbs) / 2_000).rounded())
        case .perHour: unit * Int64(estimatedHours(miles: miles, stops: stops.count))
        }
        return Resolved(stops: stops, miles: miles, rateCents: total, unitRateCents: terms.rateKind == .flat ? nil : unit)
    }

    /// Hours an hourly-rated haul is billed for: driving at 50 mph plus an hour at each stop.
    public static func estimatedHours(miles: Int, stops: Int) -> Int {
        max(1, (miles + 49) / 50 + stops)
    }
}

extension Mutation.LoadTerms {
    /// "Dallas, TX → Miami, FL" (first pickup to last delivery, with the count of stops between).
    public var lane: String {
        let first = stops.first?.city ?? "?", last = stops.last?.city ?? "?"
        let extra = stops.count > 2 ? " (+\(stops.count - 2) stops)" : ""
        return "\(first) → \(last)\(extra)"
    }

    /// What differs from `self` to `other`, in words: "rate $2,400.00 → $2,600.00".
    public func changes(to other: Mutation.LoadTerms) -> [String] {
        var out: [String] = []
        func text(_ name: String, _ a: String, _ b: String) { if a != b { out.append("\(name) \(a) → \(b)") } }
        text("shipper", shipper, other.shipper)
        text("reference", reference, other.reference)
        text("commodity", commodity, other.commodity)
        text("equipment", equipment, other.equipment)
        text("load", fullLoad ? "full" : "partial", other.fullLoad ? "full" : "partial")
        text("weight", "\(Format.count(weightLbs)) lbs", "\(Format.count(other.weightLbs)) lbs")
        text("length", "\(lengthFt) ft", "\(other.lengthFt) ft")
        text("hazmat", hazmat ? "yes" : "no", other.hazmat ? "yes" : "no")
        text("rate", RateKind.describe(rateCents, rateKind), RateKind.describe(other.rateCents, other.rateKind))
        if stops.map(\.city) != other.stops.map(\.city) || stops.map(\.kind) != other.stops.map(\.kind) {
            out.append("stops \(lane) → \(other.lane)")
        } else if stops.map(\.address) != other.stops.map(\.address) {
            out.append("addresses")
        }
        for (index, (a, b)) in zip(stops, other.stops).enumerated()
        where (a.windowStart, a.windowEnd) != (b.windowStart, b.windowEnd) && a.city == b.city {
            out.append("stop \(index + 1) window")
        }
        return out
    }
}

extension RateKind {
    /// "$2,400.00 flat", "$2.50/mi", "$14.00/ton", "$95.00/h".
    public static func describe(_ cents: Int64, _ kind: RateKind) -> String {
        switch kind {
        case .flat: "\(Money.dollars(cents)) flat"
        case .perMile: "\(Money.dollars(cents))/mi"
        case .perTon: "\(Money.dollars(cents))/ton"
        case .perHour: "\(Money.dollars(cents))/h"
        }
    }
}
