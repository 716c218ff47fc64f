/// A colour as a theme file writes it: `#rrggbb` (or the short `#rgb`).
public struct RGB: Sendable, Hashable, CustomStringConvertible {
    public var red: Int
    public var green: Int
    public var blue: Int

    public init(_ red: Int, _ green: Int, _ blue: Int) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#rrggbb` or `#rgb` (case-insensitive); nil for anything else.
    public init?(hex text: String) {
        var digits = Substring(text)
        while digits.first == " " { digits = digits.dropFirst() }
        while digits.last == " " { digits = digits.dropLast() }
        guard digits.first == "#" else { return nil }
        digits = digits.dropFirst()
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        let values = digits.compactMap(\.hexDigitValue)
        switch values.count {
        case 6: self.init(values[0] * 16 + values[1], values[2] * 16 + values[3], values[4] * 16 + values[5])
        case 3: self.init(values[0] * 17, values[1] * 17, values[2] * 17)
        default: return nil
        }
    }

    /// `#rrggbb`, lower case.
    public var description: String {
        "#" + [red, green, blue].map { value in
            let digits = String(value, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// Squared distance in RGB space.
    func distance(to other: RGB) -> Int {
        let dr = red - other.red, dg = green - other.green, db = blue - other.blue
        return dr * dr + dg * dg + db * db
    }

    /// Spread between the strongest and the weakest channel: small for greys.
    var saturation: Int { max(red, green, blue) - min(red, green, blue) }
}
