import Foundation

/// A load as typed: every field the text a person entered in a form, a flag, a JSON file or a CSV
/// row. `terms` reads it into `LoadTerms` and checks it by `LoadRules`, reporting every problem
/// by field, so each way in says the same thing about the same mistake.
public struct LoadDraft: Codable, Sendable, Hashable {
    public struct StopDraft: Codable, Sendable, Hashable {
        /// "pickup" or "delivery" (also "p" / "d").
        public var kind: String
        public var city: String
        /// In the city's own time zone: "2026-12-04 08:00-10:00".
        public var window: String
        public var address: String?

        public init(kind: String, city: String, window: String, address: String? = nil) {
            self.kind = kind
            self.city = city
            self.window = window
            self.address = address
        }
    }

    public var shipper = ""
    public var reference = ""
    public var commodity = ""
    public var equipment = ""
    /// Pounds: "42000" or "42,000".
    public var weight = ""
    /// Feet; empty means the equipment's usual trailer (53).
    public var length = ""
    /// "full" or "partial" (empty: full).
    public var load = ""
    /// "yes" or "no" (empty: no).
    public var hazmat = ""
    /// Dollars: "2,400", "2.75"; the unit is `rateKind`.
    public var rate = ""
    /// "flat", "mile", "ton" or "hour" (also "per mile", "perMile", "/mi").
    public var rateKind = ""
    public var stops: [StopDraft] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case shipper, reference, commodity, equipment, weight, length, load, hazmat, rate, rateKind, stops
    }

    /// Every field may be left out (a file can give part of a load and flags the rest).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String { try c.decodeIfPresent(String.self, forKey: key) ?? "" }
        shipper = try text(.shipper)
        reference = try text(.reference)
        commodity = try text(.commodity)
        equipment = try text(.equipment)
        weight = try text(.weight)
        length = try text(.length)
        load = try text(.load)
        hazmat = try text(.hazmat)
        rate = try text(.rate)
        rateKind = try text(.rateKind)
        stops = try c.decodeIfPresent([StopDraft].self, forKey: .stops) ?? []
    }

    /// The draft of a load as it stands, times in each stop's zone: what an edit form starts from.
    public init(_ load: Load) {
        shipper = load.shipper
        reference = load.reference
        commodity = load.commodity
        equipment = load.equipment
        weight = String(load.weightLbs)
        length = String(load.lengthFt)
        self.load = load.fullLoad ? "full" : "partial"
        hazmat = load.hazmat ? "yes" : "no"
        let terms = Mutation.LoadTerms(load)
        rate = Money.plain(terms.rateCents)
        rateKind = LoadDraft.word(for: terms.rateKind)
        stops = load.stops.map {
            StopDraft(kind: $0.kind.rawValue, city: $0.place,
                      window: LocalTime.formatWindow($0.windowStart, $0.windowEnd, in: $0.timeZone), address: $0.address)
        }
    }

    /// A field of the draft a problem is about (stops numbered from 1).
    public enum Field: Hashable, Sendable, CustomStringConvertible {
        case terms(LoadRules.Field)
        case load, hazmat, rateKind, stopKind(Int)

        public var description: String {
            switch self {
            case .terms(let field): field.description
            case .load: "load"
            case .hazmat: "hazmat"
            case .rateKind: "rate kind"
            case .stopKind(let n): "stop \(n) kind"
            }
        }

        /// Where the field is in a form: problems are listed in this order.
        var rank: Int {
            switch self {
            case .terms(.shipper): 0
            case .terms(.reference): 1
            case .terms(.commodity): 2
            case .terms(.equipment): 3
            case .load: 4
            case .terms(.weight): 5
            case .terms(.length): 6
            case .hazmat: 7
            case .terms(.rate): 8
            case .rateKind: 9
            case .terms(.stops): 10
            case .stopKind(let n): 10 + n * 4
            case .terms(.stopCity(let n)): 11 + n * 4
            case .terms(.stopWindow(let n)): 12 + n * 4
            case .terms(.stopAddress(let n)): 13 + n * 4
            }
        }
    }

    public typealias Problem = FieldProblem<Field>

    /// Every problem of a draft, in the order of its fields.
    public struct Problems: Error, Hashable, Sendable, CustomStringConvertible {
        public var all: [Problem]
        public init(_ all: [Problem]) { self.all = all }
        public var description: String { all.map(\.description).joined(separator: "; ") }
        /// What is wrong with `field`, if anything.
        public func message(for field: Field) -> String? { all.first { $0.field == field }?.message }
    }

    /// The terms the draft says, or every problem with it.
    public func terms(now: Int64) -> Result<Mutation.LoadTerms, Problems> {
        var problems: [Problem] = []
        func number(_ text: String, _ field: LoadRules.Field, unit: String) -> Int {
            let cleaned = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: unit, with: "")
                .trimmingCharacters(in: .whitespaces)
            guard let value = Int(cleaned) else {
                problems.append(Problem(.terms(field), text.isEmpty ? "is required" : "'\(text.prefix(20))' is not a whole number of \(unit)"))
                return 0
            }
            return value
        }
        let weightLbs = number(weight, .weight, unit: "lbs")
        let code = equipment.trimmingCharacters(in: .whitespaces).uppercased()
        let lengthFt = length.trimmingCharacters(in: .whitespaces).isEmpty ? LoadDraft.usualLength(code) : number(length, .length, unit: "ft")
        let full = LoadDraft.choice(load, yes: ["full", "f", "fl", "ftl", ""], no: ["partial", "p", "ltl", "part"])
        if full == nil { problems.append(Problem(.load, "'\(load.prefix(12))' is neither full nor partial")) }
        let isHazmat = LoadDraft.choice(hazmat, yes: ["yes", "y", "true", "hazmat", "1"], no: ["no", "n", "false", "0", ""])
        if isHazmat == nil { problems.append(Problem(.hazmat, "'\(hazmat.prefix(12))' is neither yes nor no")) }
        let kind = LoadDraft.rateKind(rateKind)
        if kind == nil { problems.append(Problem(.rateKind, "'\(rateKind.prefix(12))' is not flat, mile, ton or hour")) }
        let rateText = rate.replacingOccurrences(of: ",", with: "")
        let cents = Money.parseCents(rateText)
        if cents == nil {
            problems.append(Problem(.terms(.rate), rate.isEmpty ? "is required" : "'\(rate.prefix(20))' is not an amount in dollars"))
        }
        var plans: [Mutation.StopPlan] = []
        for (index, stop) in stops.enumerated() {
            let n = index + 1
            let stopKind: Stop.Kind? = switch stop.kind.trimmingCharacters(in: .whitespaces).lowercased() {
            case "pickup", "p", "pick", "pu", "shipper": .pickup
            case "delivery", "d", "drop", "del", "consignee": .delivery
            default: nil
            }
            if stopKind == nil { problems.append(Problem(.stopKind(n), "'\(stop.kind.prefix(12))' is neither pickup nor delivery")) }
            var window = (start: Int64(0), end: Int64(0))
            if let city = City.find(stop.city) {
                do { window = try LocalTime.window(stop.window, in: city.timeZone, now: now) } catch {
                    problems.append(Problem(.terms(.stopWindow(n)), error.message))
                }
            }
            let address = stop.address?.trimmingCharacters(in: .whitespaces)
            plans.append(Mutation.StopPlan(kind: stopKind ?? .pickup, city: stop.city,
                                           address: address?.isEmpty == false ? address : nil,
                                           windowStart: window.start, windowEnd: window.end))
        }
        let terms = Mutation.LoadTerms(shipper: shipper, reference: reference, commodity: commodity, equipment: code,
                                       fullLoad: full ?? true, weightLbs: weightLbs, lengthFt: lengthFt,
                                       hazmat: isHazmat ?? false, rateCents: cents ?? 0, rateKind: kind ?? .flat, stops: plans)
        // The rules' own problems, except those already said about the same field in other words.
        let said = Set(problems.map(\.field))
        for problem in LoadRules.problems(terms) where !said.contains(.terms(problem.field)) {
            if case .stopWindow(let n) = problem.field, City.find(stops[n - 1].city) == nil { continue }
            if problem.field == .rate, cents == nil { continue }
            problems.append(Problem(.terms(problem.field), problem.message))
        }
        problems.sort { $0.field.rank < $1.field.rank }
        return problems.isEmpty ? .success(terms) : .failure(Problems(problems))
    }

    /// 53 ft unless the equipment usually runs shorter (construction hauling).
    static func usualLength(_ code: String) -> Int {
        Equipment.named(code)?.construction == true ? 40 : 53
    }

    static func choice(_ text: String, yes: Set<String>, no: Set<String>) -> Bool? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if yes.contains(word) { return true }
        if no.contains(word) { return false }
        return nil
    }

    /// "flat", "mile" / "per mile" / "perMile" / "/mi", "ton", "hour"; empty is flat.
    public static func rateKind(_ text: String) -> RateKind? {
        let word = text.lowercased().replacingOccurrences(of: "per", with: "").replacingOccurrences(of: "/", with: "")
            .trimmingCharacters(in: .whitespaces)
        switch word {
        case "", "flat", "total", "lump": return .flat
        case "mile", "mi", "m", "rpm": return .perMile
        case "ton", "t", "tons": return .perTon
        case "hour", "h", "hr", "hours": return .perHour
        default: return nil
        }
    }

    /// The word `rateKind(_:)` reads back.
    public static func word(for kind: RateKind) -> String {
        switch kind {
        case .flat: "flat"
        case .perMile: "mile"
        case .perTon: "ton"
        case .perHour: "hour"
        }
    }
}
