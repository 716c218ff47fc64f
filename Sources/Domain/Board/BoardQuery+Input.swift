import Foundation

/// Typed filter values, parsed once for the TUI's filter form and `dispatch loads`.
/// Empty text means "any" (`.success(nil)`); bad text says what would be accepted.
extension BoardQuery {
    public enum Input {
        public static func status(_ text: String) -> Result<LoadStatus?, BoardInputError> {
            let t = text.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return .success(nil) }
            return LoadStatus(userInput: t).map { .success($0) }
                ?? .failure(.init("unknown status; try posted, assigned, X3, X1, POD"))
        }

        /// "V", "V, R", "v r f" → ["V", "R", "F"].
        public static func equipment(_ text: String) -> Result<[String], BoardInputError> {
            var codes: [String] = []
            for word in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "/" }) {
                guard let equipment = Equipment.named(String(word)) else {
                    return .failure(.init("unknown equipment '\(word)'; e.g. V, R, F, SD, DT"))
                }
                if !codes.contains(equipment.code) { codes.append(equipment.code) }
            }
            return .success(codes)
        }

        public static func ratePerMile(_ text: String) -> Result<Int64?, BoardInputError> {
            let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "/mi", with: "")
            if t.isEmpty { return .success(nil) }
            return Money.parseCents(t).map { .success($0) } ?? .failure(.init("not a number: dollars, e.g. 2.50"))
        }

        /// "40000", "40,000", "40k", "40000 lb" → 40000; 1–200,000 lb.
        public static func weight(_ text: String) -> Result<Int?, BoardInputError> {
            var t = text.lowercased().replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: "")
            if t.isEmpty { return .success(nil) }
            if t.hasSuffix("lbs") { t.removeLast(3) } else if t.hasSuffix("lb") { t.removeLast(2) }
            var factor = 1
            if t.hasSuffix("k") { t.removeLast(); factor = 1_000 }
            guard let value = Double(t), value > 0, value * Double(factor) <= 200_000 else {
                return .failure(.init("pounds, e.g. 40000 or 40k (at most 200k)"))
            }
            return .success(Int(value * Double(factor)))
        }

        /// "48", "48ft", "48'" → 48; 1–150 ft.
        public static func length(_ text: String) -> Result<Int?, BoardInputError> {
            var t = text.lowercased().trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return .success(nil) }
            for suffix in ["ft", "'", "feet"] where t.hasSuffix(suffix) { t.removeLast(suffix.count) }
            guard let value = Int(t.trimmingCharacters(in: .whitespaces)), (1...150).contains(value) else {
                return .failure(.init("feet, e.g. 48 (1–150)"))
            }
            return .success(value)
        }

        /// "full"/"ftl"/"f" → true, "partial"/"ltl"/"p" → false.
        public static func fullLoad(_ text: String) -> Result<Bool?, BoardInputError> {
            switch text.lowercased().trimmingCharacters(in: .whitespaces) {
            case "": .success(nil)
            case "full", "ftl", "f", "tl": .success(true)
            case "partial", "ltl", "p", "part": .success(false)
            default: .failure(.init("full or partial"))
            }
        }

        /// "90m", "24h", "2d", "36" (hours) → minutes; up to 90 days.
        public static func age(_ text: String) -> Result<Int?, BoardInputError> {
            var t = text.lowercased().trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return .success(nil) }
            var unit = 60
            if t.hasSuffix("m") { unit = 1; t.removeLast() }
            else if t.hasSuffix("h") { t.removeLast() }
            else if t.hasSuffix("d") { unit = 1_440; t.removeLast() }
            guard let value = Int(t), value > 0, value * unit <= 90 * 1_440 else {
                return .failure(.init("an age such as 90m, 24h or 2d"))
            }
            return .success(value * unit)
        }

        /// A day, as the Unix time of its midnight (UTC): "2026-11-25", "11/25", "today", "tomorrow", "+3".
        public static func day(_ text: String, now: Int64) -> Result<Int64?, BoardInputError> {
            let t = text.lowercased().trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return .success(nil) }
            let today = now - ((now % 86_400) + 86_400) % 86_400
            switch t {
            case "today": return .success(today)
            case "tomorrow": return .success(today + 86_400)
            case "yesterday": return .success(today - 86_400)
            default: break
            }
            if t.hasPrefix("+") || t.hasPrefix("-"), let days = Int(t), abs(days) <= 366 {
                return .success(today + Int64(days) * 86_400)
            }
            let numbers = t.split(whereSeparator: { $0 == "-" || $0 == "/" }).map { Int($0) }
            let year = Format.civil(now).year
            var parts: (Int, Int, Int)?
            if numbers.count == 3, let y = numbers[0], let m = numbers[1], let d = numbers[2], y > 1_000 { parts = (y, m, d) }
            if numbers.count == 2, let m = numbers[0], let d = numbers[1] { parts = (year, m, d) }
            guard let (y, m, d) = parts, (1...12).contains(m), (1...31).contains(d) else {
                return .failure(.init("a date: 2026-11-25, 11/25, today, tomorrow or +3"))
            }
            return .success(Format.unixDay(year: y, month: m, day: d) * 86_400)
        }
    }
}
