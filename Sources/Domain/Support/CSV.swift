import Foundation

/// Comma-separated values as spreadsheets write them (RFC 4180): quoted fields may hold the
/// delimiter, quotes (doubled) and line breaks; CRLF or LF line ends; a UTF-8 byte-order mark is
/// skipped. The delimiter is read from the header (comma, semicolon or tab), since a spreadsheet
/// set to a European locale saves semicolons.
public enum CSV {
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// 1-based line of the file where the problem starts.
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// One record and the line it starts on (1-based, the header is line 1).
    public struct Record: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
    }

    /// The delimiter the header line uses: the one of `,` `;` tab it has most of, outside quotes.
    public static func delimiter(ofHeader text: Substring) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if c == "\n" || c == "\r\n" || c == "\r" { if !quoted { break } }
            if !quoted, counts[c] != nil { counts[c, default: 0] += 1 }
        }
        let best = counts.max { ($0.value, $0.key == "," ? 1 : 0) < ($1.value, $1.key == "," ? 1 : 0) }
        return (best?.value ?? 0) > 0 ? best!.key : ","
    }

    /// Every record of `text`. Blank lines are skipped; an unterminated quote is a problem at the
    /// line it opened on.
    public static func records(_ text: String, delimiter: Character? = nil) throws(Problem) -> [Record] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let separator = delimiter ?? CSV.delimiter(ofHeader: body)
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false
        var line = 1, recordLine = 1
        var iterator = body.makeIterator()
        var pending: Character?
        func endField() {
            fields.append(field)
            field = ""
        }
        func endRecord() {
            let blank = fields.isEmpty && field.isEmpty && !wasQuoted
            endField()
            wasQuoted = false
            if !blank { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    if c.isNewline { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
            case separator:
                endField()
                wasQuoted = false
            case "\r\n", "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(c)
            }
        }
        if quoted { throw Problem(line: recordLine, message: "a quoted field is never closed (a \" is missing)") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }

    /// One field as a spreadsheet reads it back: quoted when it holds a delimiter, a quote or a line break.
    public static func escape(_ field: String, delimiter: Character = ",") -> String {
        guard field.contains(where: { $0 == delimiter || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A record as one line (CRLF added by the caller if wanted).
    public static func line(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { escape($0, delimiter: delimiter) }.joined(separator: String(delimiter))
    }
}
