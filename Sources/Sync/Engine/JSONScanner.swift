/// Reads values straight from a pull page's bytes, for the row columns decoded most often.
///
/// Strict by design: whatever it cannot read exactly as `JSONDecoder` would (an escape in a
/// string, a fraction where an integer is due, a number out of range, invalid UTF-8, a repeated
/// key) makes it answer nil, and the caller decodes the page with `JSONDecoder` instead. So it
/// only ever speeds up what both read alike.
struct JSONScanner {
    private let bytes: [UInt8]
    private var index: Int
    private let end: Int

    init(_ bytes: [UInt8], _ range: Range<Int>) {
        self.bytes = bytes
        index = range.lowerBound
        end = range.upperBound
    }

    /// True when only white space is left.
    mutating func atEnd() -> Bool {
        space()
        return index == end
    }

    private mutating func space() {
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        space()
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// An object: `member` reads each member's value, given its key.
    mutating func object(_ member: (inout JSONScanner, ArraySlice<UInt8>) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        while true {
            space()
            guard let key = rawString(), take(UInt8(ascii: ":")), member(&self, key) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// An array: `element` reads each element.
    mutating func array(_ element: (inout JSONScanner) -> Bool) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        while true {
            guard element(&self) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]"))
        }
    }

    /// The bytes of a string with no escape and no control character.
    private mutating func rawString() -> ArraySlice<UInt8>? {
        space()
        guard index < end, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                index = i + 1
                return bytes[start ..< i]
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            i += 1
        }
        return nil
    }

    mutating func string() -> String? {
        guard let raw = rawString() else { return nil }
        return String(validating: raw, as: UTF8.self)
    }

    /// A string or `null`; nil when it is neither.
    mutating func optionalString() -> String?? {
        if literal("null") { return .some(nil) }
        return string().map { .some($0) }
    }

    /// An integer written as plain digits (at most 18, so it cannot overflow).
    mutating func int() -> Int64? {
        space()
        var i = index
        let negative = i < end && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let first = i
        var value: Int64 = 0
        while i < end, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
            value = value * 10 + Int64(bytes[i] - UInt8(ascii: "0"))
            i += 1
        }
        let digits = i - first
        guard digits > 0, digits <= 18, !(digits > 1 && bytes[first] == UInt8(ascii: "0")), delimiter(at: i) else { return nil }
        index = i
        return negative ? -value : value
    }

    /// A number in JSON's grammar, converted the way `Double(_:)` rounds a decimal.
    mutating func double() -> Double? {
        space()
        var i = index
        func digits() -> Int {
            let start = i
            while i < end, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            return i - start
        }
        if i < end, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let first = i
        let whole = digits()
        guard whole > 0, !(whole > 1 && bytes[first] == UInt8(ascii: "0")) else { return nil }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return nil }
        }
        if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard delimiter(at: i), let value = Double(String(decoding: bytes[index ..< i], as: UTF8.self)), value.isFinite else {
            return nil
        }
        index = i
        return value
    }

    mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// Any value, unread.
    mutating func skip() -> Bool {
        space()
        guard index < end else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            var i = index + 1
            while i < end {
                if bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
                if bytes[i] == UInt8(ascii: "\"") { index = i + 1; return true }
                i += 1
            }
            return false
        case UInt8(ascii: "{"):
            return object { scanner, _ in scanner.skip() }
        case UInt8(ascii: "["):
            return array { $0.skip() }
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            return bool() != nil
        case UInt8(ascii: "n"):
            return literal("null")
        default:
            return double() != nil
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        space()
        let count = word.utf8CodeUnitCount
        guard index + count <= end else { return false }
        for offset in 0 ..< count where bytes[index + offset] != word.utf8Start[offset] { return false }
        guard delimiter(at: index + count) else { return false }
        index += count
        return true
    }

    private func delimiter(at i: Int) -> Bool {
        guard i < end else { return true }
        switch bytes[i] {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return true
        default: return false
        }
    }
}
