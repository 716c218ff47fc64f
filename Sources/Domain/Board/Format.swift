/// Number and time formatting for screens and the CLI, in one place.
public enum Format {
    /// 100000 → "100,000"
    public static func count(_ value: Int) -> String {
        let negative = value < 0
        var digits = String(negative ? -value : value)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return (negative ? "-" : "") + digits + grouped
    }

    /// Seconds as a short age: "12s", "5m", "3h", "2d".
    public static func age(_ seconds: Int64) -> String {
        let s = max(0, seconds)
        switch s {
        case ..<60: return "\(s)s"
        case ..<3_600: return "\(s / 60)m"
        case ..<86_400: return "\(s / 3_600)h"
        default: return "\(s / 86_400)d"
        }
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Civil date parts (UTC) of a Unix time, without Foundation's formatters (fast and locale-free).
    public static func civil(_ time: Int64) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        let days = Int(floorDiv(time, 86_400))
        let secs = Int(time - Int64(days) * 86_400)
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secs / 3_600, secs % 3_600 / 60)
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's days-from-civil).
    public static func unixDay(year: Int, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int64(era * 146_097 + doe - 719_468)
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// "Nov 25 08:00" (UTC)
    public static func dateTime(_ time: Int64) -> String {
        let c = civil(time)
        return "\(months[c.month - 1]) \(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    /// "Nov 25"
    public static func date(_ time: Int64) -> String {
        let c = civil(time)
        return "\(months[c.month - 1]) \(two(c.day))"
    }

    /// "2026-11-25T08:00Z" for JSON-free CLI tables.
    public static func iso(_ time: Int64) -> String {
        let c = civil(time)
        return "\(c.year)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute))Z"
    }

    /// "2025-11-25"
    public static func isoDate(_ time: Int64) -> String {
        let c = civil(time)
        return "\(c.year)-\(two(c.month))-\(two(c.day))"
    }

    /// "08:00"
    public static func time(_ time: Int64) -> String {
        let c = civil(time)
        return "\(two(c.hour)):\(two(c.minute))"
    }

    /// "Nov 25 08:00-12:00", or both dates when the window spans days.
    public static func window(_ start: Int64, _ end: Int64) -> String {
        floorDiv(start, 86_400) == floorDiv(end, 86_400)
            ? dateTime(start) + "-" + time(end)
            : dateTime(start) + " - " + dateTime(end)
    }

    /// 42000 → "42k"
    public static func kilo(_ pounds: Int) -> String { "\((pounds + 500) / 1000)k" }

    /// Minutes → "7.5h"
    public static func hours(minutes: Int) -> String { "\(minutes / 60).\((minutes % 60) * 10 / 60)h" }
}
