import Foundation

/// Times as people at a stop say them: in the stop's own zone. Forms, the CLI and the CSV import
/// read windows and ETAs with these, and the detail view writes them back the same way.
public enum LocalTime {
    /// Why a typed time was not understood, in words for the field it came from.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
        init(_ message: String) { self.message = message }
    }

    public static let windowHelp = "a window is DATE HH:MM-HH:MM (e.g. 2026-12-04 08:00-10:00, 12/04 08:00-10:00, tomorrow 8:00-10:00)"
    public static let timeHelp = "a time is DATE HH:MM, HH:MM (the next one to come) or +3h"

    /// Reads "2026-12-04 08:00-10:00", "12/04 8:00 - 12/05 10:00", "tomorrow 22:00-02:00" (overnight)
    /// or "12-04 08:00" (an appointment at one time) as seconds since 1970.
    public static func window(_ text: String, in zone: TimeZone, now: Int64) throws(Problem) -> (start: Int64, end: Int64) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw Problem("is required; \(windowHelp)") }
        guard trimmed.count <= 60 else { throw Problem("is not a window; \(windowHelp)") }
        var words = trimmed.replacingOccurrences(of: " - ", with: "-").split(separator: " ").map(String.init)
        guard let date = words.first.flatMap({ day($0, in: zone, now: now) }) else {
            throw Problem("'\(trimmed.prefix(20))' has no date I can read; \(windowHelp)")
        }
        words.removeFirst()
        guard words.count == 1 || words.count == 2 else { throw Problem("'\(trimmed.prefix(20))' is not a window; \(windowHelp)") }
        // "08:00-10:00" or, across days, "08:00-12/05" followed by "10:00".
        let parts = words[0].split(separator: "-", maxSplits: 1).map(String.init)
        guard let from = clock(parts[0]) else { throw Problem("'\(parts[0])' is not a time of day (HH:MM)") }
        let start = try instant(date, from, zone)
        var end = start
        if words.count == 2 {
            guard parts.count == 2, let endDate = day(parts[1], in: zone, now: now), let to = clock(words[1]) else {
                throw Problem("'\(trimmed.prefix(20))' is not a window; \(windowHelp)")
            }
            end = try instant(endDate, to, zone)
        } else if parts.count == 2 {
            guard let to = clock(parts[1]) else { throw Problem("'\(parts[1])' is not a time of day (HH:MM)") }
            end = try instant(date, to, zone)
            if end < start { end += 86_400 }
        }
        guard end >= start else { throw Problem("ends before it starts") }
        return (start, end)
    }

    /// Reads "2026-12-04 14:30", "12/04 14:30", "14:30" (the next 14:30 to come) or "+3h" / "+90m".
    public static func time(_ text: String, in zone: TimeZone, now: Int64) throws(Problem) -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty else { throw Problem("is required; \(timeHelp)") }
        if trimmed.hasPrefix("+"), let unit = trimmed.last, let amount = Int64(trimmed.dropFirst().dropLast()), amount >= 0 {
            switch unit {
            case "m": return now + amount * 60
            case "h": return now + amount * 3_600
            case "d": return now + amount * 86_400
            default: break
            }
        }
        let words = trimmed.split(separator: " ").map(String.init)
        if words.count == 1, let at = clock(words[0]) {
            let today = try instant(try day("today", in: zone, now: now).unwrap(), at, zone)
            return today >= now ? today : try instant(try day("tomorrow", in: zone, now: now).unwrap(), at, zone)
        }
        guard words.count == 2, let date = day(words[0], in: zone, now: now), let at = clock(words[1]) else {
            throw Problem("'\(trimmed.prefix(20))' is not a time I can read; \(timeHelp)")
        }
        return try instant(date, at, zone)
    }

    /// "2026-12-04 08:00 CST" in `zone`.
    public static func format(_ time: Int64, in zone: TimeZone) -> String {
        let c = calendar(zone).dateComponents([.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(time)))
        let abbreviation = abbreviation(zone, at: time)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
            + (abbreviation.isEmpty ? "" : " \(abbreviation)")
    }

    /// "Nov 25 08:10" in `zone`, the board's short form.
    public static func short(_ time: Int64, in zone: TimeZone) -> String {
        let c = calendar(zone).dateComponents([.month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(time)))
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(format: "%@ %02d %02d:%02d", months[max(0, min(11, (c.month ?? 1) - 1))], c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// "CST" or "CDT" for the US zones (Foundation on Linux says "GMT-6"); the system's word elsewhere.
    public static func abbreviation(_ zone: TimeZone, at time: Int64) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(time))
        if zone.identifier == "America/Phoenix" { return "MST" }
        let letter: String? = switch zone.identifier {
        case "America/New_York", "America/Detroit", "America/Indiana/Indianapolis": "E"
        case "America/Chicago": "C"
        case "America/Denver", "America/Boise": "M"
        case "America/Los_Angeles": "P"
        default: nil
        }
        guard let letter else { return zone.abbreviation(for: date) ?? "" }
        return letter + (zone.isDaylightSavingTime(for: date) ? "DT" : "ST")
    }

    /// A window as `window(_:)` reads it back: "2026-12-04 08:00-10:00", or with both dates across days.
    public static func formatWindow(_ start: Int64, _ end: Int64, in zone: TimeZone) -> String {
        let from = format(start, in: zone), to = format(end, in: zone)
        let fromDay = from.prefix(10), toDay = to.prefix(10)
        let fromClock = from.dropFirst(11).prefix(5), toClock = to.dropFirst(11).prefix(5)
        if start == end { return "\(fromDay) \(fromClock)" }
        if fromDay == toDay || (end - start < 86_400 && end > start && toClock < fromClock) {
            return "\(fromDay) \(fromClock)-\(toClock)"
        }
        return "\(fromDay) \(fromClock) - \(toDay) \(toClock)"
    }

    private struct Day { var year, month, day: Int }

    /// One calendar per zone, made once (a `Calendar` is costly to build on Linux).
    private static func calendar(_ zone: TimeZone) -> Calendar {
        calendars.calendar(for: zone)
    }

    private static let calendars = CalendarCache()

    /// A date: YYYY-MM-DD, MM-DD or MM/DD (the year that puts it nearest to now), today, tomorrow.
    private static func day(_ word: String, in zone: TimeZone, now: Int64) -> Day? {
        let cal = calendar(zone)
        let nowDate = Date(timeIntervalSince1970: TimeInterval(now))
        func of(_ date: Date) -> Day {
            let c = cal.dateComponents([.year, .month, .day], from: date)
            return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
        }
        switch word.lowercased() {
        case "today": return of(nowDate)
        case "tomorrow": return of(nowDate.addingTimeInterval(86_400))
        default: break
        }
        let numbers = word.split(whereSeparator: { $0 == "-" || $0 == "/" }).map { Int($0) }
        guard numbers.allSatisfy({ $0 != nil }) else { return nil }
        let n = numbers.compactMap { $0 }
        var result: Day
        switch n.count {
        case 3 where n[0] > 999: result = Day(year: n[0], month: n[1], day: n[2])
        case 2:
            let thisYear = of(nowDate).year
            // The year that puts the date nearest to now: "01/03" typed in December is next January.
            let candidates = [thisYear - 1, thisYear, thisYear + 1].map { Day(year: $0, month: n[0], day: n[1]) }
            guard let best = candidates.min(by: { distance($0, cal, nowDate) < distance($1, cal, nowDate) }) else { return nil }
            result = best
        default: return nil
        }
        guard (1...12).contains(result.month), (1...31).contains(result.day),
              let date = cal.date(from: DateComponents(year: result.year, month: result.month, day: result.day)),
              of(date).day == result.day else { return nil }
        return result
    }

    private static func distance(_ day: Day, _ cal: Calendar, _ now: Date) -> TimeInterval {
        guard let date = cal.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) else { return .infinity }
        return abs(date.timeIntervalSince(now))
    }

    /// "08:00", "8:00", "0800" or "8" as minutes after midnight.
    private static func clock(_ word: String) -> Int? {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        var hour: Int?, minute: Int?
        if parts.count == 2 {
            hour = Int(parts[0])
            minute = parts[1].count == 2 ? Int(parts[1]) : nil
        } else if word.count == 4, word.allSatisfy(\.isNumber) {
            hour = Int(word.prefix(2))
            minute = Int(word.suffix(2))
        } else if word.count <= 2 {
            hour = Int(word)
            minute = 0
        }
        guard let hour, let minute, (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    private static func instant(_ day: Day, _ minutes: Int, _ zone: TimeZone) throws(Problem) -> Int64 {
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: minutes / 60, minute: minutes % 60)
        guard let date = calendar(zone).date(from: components) else { throw Problem("is not a real date and time") }
        return Int64(date.timeIntervalSince1970)
    }
}

private extension Optional {
    func unwrap() throws(LocalTime.Problem) -> Wrapped {
        guard let self else { throw LocalTime.Problem("is not a date I can read") }
        return self
    }
}

/// Gregorian calendars by zone, shared by every reader of times.
private final class CalendarCache: @unchecked Sendable {
    private var byZone: [String: Calendar] = [:]
    private let lock = NSLock()

    func calendar(for zone: TimeZone) -> Calendar {
        lock.lock()
        defer { lock.unlock() }
        if let known = byZone[zone.identifier] { return known }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        byZone[zone.identifier] = calendar
        return calendar
    }
}
