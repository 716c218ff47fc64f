/// Load ids chosen on the device, so a load posted offline keeps its id everywhere.
public enum LoadID {
    /// Crockford base32: no I, L, O or U, so an id read aloud over the phone is not misheard.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A fresh id ("L-7KQ2MXD4"): 40 random bits, enough that two offline consoles never meet.
    public static func new() -> String {
        var generator = SystemRandomNumberGenerator()
        return "L-" + encode(generator.next(), count: 8)
    }

    /// The id of the load a shipper's reference is posted as by an import, the same every time,
    /// so importing a file twice posts each load once.
    public static func forReference(shipper: String, reference: String) -> String {
        // FNV-1a: stable across runs and platforms, unlike `Hasher`.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (shipper.lowercased() + "\u{1F}" + reference.uppercased()).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return "L-R" + encode(hash, count: 10)
    }

    /// "L-" and 1–24 letters or digits.
    public static func isValid(_ id: String) -> Bool {
        guard id.hasPrefix("L-") else { return false }
        let rest = id.dropFirst(2)
        return (1...24).contains(rest.count) && rest.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }

    private static func encode(_ value: UInt64, count: Int) -> String {
        var value = value, out: [Character] = []
        for _ in 0..<count {
            out.append(alphabet[Int(value & 31)])
            value >>= 5
        }
        return String(out)
    }
}
