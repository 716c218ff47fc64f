/// Terminal columns taken by text, from our own Unicode tables.
///
/// libc `wcwidth` depends on the locale (tests run in the C locale, where it
/// answers -1 for everything outside ASCII), so the console measures text itself:
/// East Asian Wide/Fullwidth and emoji take 2 columns, combining marks and
/// other zero-width scalars 0, everything else 1. Ambiguous-width characters
/// count as narrow, as in every non-CJK terminal.
public enum DisplayWidth {
    /// Columns of one grapheme cluster (0 for control characters).
    public static func of(_ c: Character) -> Int {
        let utf8 = c.utf8
        if utf8.count == 1, let byte = utf8.first { return isPrintableASCII(byte) ? 1 : 0 }
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count == 1 { return width(of: first) }
        // An emoji presentation selector or a flag pair makes the cluster a 2-column emoji.
        var base = 0
        var regional = 0
        for scalar in scalars {
            if scalar.value == 0xFE0F { return 2 }
            if (0x1F1E6...0x1F1FF).contains(scalar.value) { regional += 1 }
            if base == 0 { base = width(of: scalar) }
        }
        return regional >= 2 ? 2 : base
    }

    /// Columns of a string: the sum over its grapheme clusters.
    public static func of(_ s: String) -> Int {
        if let ascii = printableASCIICount(s) { return ascii }
        var total = 0
        for c in s { total += of(c) }
        return total
    }

    /// Board text is nearly all printable ASCII, one column per byte: counting bytes skips the
    /// grapheme breaking that was most of a frame's render time. Nil when any byte is not.
    @inline(__always)
    public static func printableASCIICount(_ s: String) -> Int? {
        var count = 0
        for byte in s.utf8 {
            guard isPrintableASCII(byte) else { return nil }
            count += 1
        }
        return count
    }

    @inline(__always)
    static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

    /// Columns of one scalar.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if contains(zeroWidthRanges, v) { return 0 }
        if v >= 0x1100 && contains(wideRanges, v) { return 2 }
        return 1
    }

    /// Cuts `s` to at most `width` columns; when it had to cut and `ellipsis` is set,
    /// the last column shows `marker` so the reader knows text is missing.
    public static func truncate(_ s: String, to width: Int, ellipsis: Bool = true, marker: String = "…") -> String {
        guard width > 0 else { return "" }
        let markerWidth = ellipsis ? of(marker) : 0
        if let count = printableASCIICount(s) {
            if count <= width { return s }
            let kept = String(decoding: s.utf8.prefix(max(0, width - markerWidth)), as: UTF8.self)
            return ellipsis && markerWidth <= width ? kept + marker : kept
        }
        if of(s) <= width { return s }
        let room = max(0, width - markerWidth)
        var result = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > room { break }
            result.append(c)
            used += w
        }
        if ellipsis && markerWidth <= width { result += marker }
        return result
    }

    /// Pads (or truncates) `s` to exactly `width` columns; `right` aligns it to the right.
    public static func pad(_ s: String, to width: Int, right: Bool = false) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(s, to: width)
        let fill = String(repeating: " ", count: max(0, width - of(cut)))
        return right ? fill + cut : cut + fill
    }

    /// Centres `s` in `width` columns.
    public static func center(_ s: String, in width: Int) -> String {
        let cut = truncate(s, to: width)
        let free = max(0, width - of(cut))
        return String(repeating: " ", count: free / 2) + cut + String(repeating: " ", count: free - free / 2)
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
        // Binary search: the tables are sorted and disjoint.
        var lo = 0
        var hi = ranges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = ranges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}
