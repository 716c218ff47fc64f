import Foundation

/// Finds where the members of a JSON object and the elements of a JSON array start and end,
/// without building values. The decoding itself is left to `JSONDecoder`; this only lets the
/// mirror keep each row's JSON text as the server sent it instead of encoding it again
/// (encoding 100,000 loads again cost most of an initial sync here).
struct JSONSpans {
    let bytes: [UInt8]

    init(_ data: Data) { bytes = [UInt8](data) }

    struct Malformed: Error {}

    /// The members of the top-level object: key and the byte range of its value.
    func members() throws -> [(key: String, range: Range<Int>)] {
        var i = skipSpace(0)
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { throw Malformed() }
        i = skipSpace(i + 1)
        var result: [(String, Range<Int>)] = []
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { return [] }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "\"") else { throw Malformed() }
            let keyEnd = try skipString(i)
            let key = String(decoding: bytes[(i + 1)..<(keyEnd - 1)], as: UTF8.self)
            i = skipSpace(keyEnd)
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw Malformed() }
            let start = skipSpace(i + 1)
            let end = try skipValue(start)
            result.append((key, start..<end))
            i = skipSpace(end)
            guard i < bytes.count else { throw Malformed() }
            if bytes[i] == UInt8(ascii: "}") { return result }
            guard bytes[i] == UInt8(ascii: ",") else { throw Malformed() }
            i = skipSpace(i + 1)
        }
        throw Malformed()
    }

    /// The byte ranges of the elements of the array at `range`.
    func elements(of range: Range<Int>) throws -> [Range<Int>] {
        var i = skipSpace(range.lowerBound)
        guard i < range.upperBound, bytes[i] == UInt8(ascii: "[") else { throw Malformed() }
        i = skipSpace(i + 1)
        var result: [Range<Int>] = []
        if i < range.upperBound, bytes[i] == UInt8(ascii: "]") { return [] }
        while i < range.upperBound {
            let end = try skipValue(i)
            result.append(i..<end)
            i = skipSpace(end)
            guard i < range.upperBound else { throw Malformed() }
            if bytes[i] == UInt8(ascii: "]") { return result }
            guard bytes[i] == UInt8(ascii: ",") else { throw Malformed() }
            i = skipSpace(i + 1)
        }
        throw Malformed()
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    func data(_ range: Range<Int>) -> Data { Data(bytes[range]) }

    private func skipSpace(_ start: Int) -> Int {
        var i = start
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        return i
    }

    /// Index after the closing quote of the string starting at `start`.
    private func skipString(_ start: Int) throws -> Int {
        var i = start + 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""): return i + 1
            default: i += 1
            }
        }
        throw Malformed()
    }

    /// Index after the value starting at `start`.
    private func skipValue(_ start: Int) throws -> Int {
        guard start < bytes.count else { throw Malformed() }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return try skipString(start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var i = start
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""): i = try skipString(i); continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            throw Malformed()
        default:
            var i = start
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return i
                default: i += 1
                }
            }
            return i
        }
    }
}
