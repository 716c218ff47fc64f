/// Dates, ages and counts for screens. Pure integer arithmetic on UTC so a frame
/// renders the same in every locale and time zone (and without Foundation).
enum Formatting {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Year, month (1–12), day, hour, minute of a Unix time in UTC.
    static func civil(_ epoch: Int64) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        let days = Int(floorDiv(epoch, 86_400))
        let secs = Int(epoch - Int64(days) * 86_400)
        // Howard Hinnant's days-from-civil inverse.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secs / 3600, (secs % 3600) / 60)
    }

    /// "Nov 25 08:00"
    static func dateTime(_ epoch: Int64) -> String {
        let c = civil(epoch)
        return "\(months[c.month - 1]) \(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    /// "Nov 25"
    static func shortDate(_ epoch: Int64) -> String {
        let c = civil(epoch)
        return "\(months[c.month - 1]) \(two(c.day))"
    }

    /// "2025-11-25"
    static func isoDate(_ epoch: Int64) -> String {
        let c = civil(epoch)
        return "\(c.year)-\(two(c.month))-\(two(c.day))"
    }

    /// "08:00"
    static func time(_ epoch: Int64) -> String {
        let c = civil(epoch)
        return "\(two(c.hour)):\(two(c.minute))"
    }

    /// "Nov 25 08:00-12:00", or both dates when the window spans days.
    static func window(_ start: Int64, _ end: Int64) -> String {
        floorDiv(start, 86_400) == floorDiv(end, 86_400)
            ? dateTime(start) + "-" + time(end)
            : dateTime(start) + " - " + dateTime(end)
    }

    /// "3s", "5m", "2h", "4d"; negative ages (clock skew) read as "0s".
    static func age(_ seconds: Int64) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h" }
        return "\(s / 86_400)d"
    }

    /// 45000 → "45,000"
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// 42000 → "42k"
    static func kilo(_ pounds: Int) -> String { "\((pounds + 500) / 1000)k" }

    /// Minutes → "7.5h"
    static func hours(minutes: Int) -> String { "\(minutes / 60).\((minutes % 60) * 10 / 60)h" }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
