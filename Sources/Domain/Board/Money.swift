import Foundation

/// Formatting of cents for screens and the CLI, in one place.
public enum Money {
    /// 123456 → "$1,234.56"; `whole` drops the cents: "$1,235".
    public static func dollars(_ cents: Int64, whole: Bool = false) -> String {
        let negative = cents < 0
        let absolute = negative ? -cents : cents
        let units = whole ? (absolute + 50) / 100 : absolute / 100
        var digits = String(units)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        let fraction = whole ? "" : "." + String(format2(absolute % 100))
        return (negative ? "-$" : "$") + grouped + fraction
    }

    /// Short amounts for a line that must fit: 372_206_300 → "$3.7M", 40_550_000 → "$406K",
    /// 95_000 → "$950".
    public static func compact(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let dollars = Double(cents < 0 ? -cents : cents) / 100
        let text: String
        switch dollars {
        case 999_500_000...: text = String(format: "%.1fB", dollars / 1_000_000_000)
        case 999_500...: text = String(format: dollars < 9_950_000 ? "%.1fM" : "%.0fM", dollars / 1_000_000)
        case 1_000...: text = String(format: "%.0fK", dollars / 1_000)
        default: text = String(format: "%.0f", dollars)
        }
        return sign + "$" + text
    }

    /// 245 → "$2.45/mi"
    public static func perMile(_ cents: Int64) -> String {
        "$\(cents / 100).\(format2(cents % 100))/mi"
    }

    /// "2.45" style without the unit.
    public static func plain(_ cents: Int64) -> String {
        "\(cents / 100).\(format2(cents % 100))"
    }

    private static func format2(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    /// Parses "2.5", "$2.50", "250c" style input to cents; nil when it is not a number.
    public static func parseCents(_ text: String) -> Int64? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("$") { t.removeFirst() }
        guard !t.isEmpty else { return nil }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])), whole >= 0 else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let frac = String(parts[1])
            guard frac.count <= 2, frac.allSatisfy(\.isNumber) else { return nil }
            cents = Int64(frac.isEmpty ? "0" : (frac.count == 1 ? frac + "0" : frac)) ?? 0
        }
        return whole * 100 + cents
    }
}
