/// A horizontal bar proportional to a value, for invoice aging and HOS gauges.
enum Bar {
    /// "████░░░░" of `width` columns, `value` of `maximum` filled.
    static func text(value: Int64, maximum: Int64, width: Int, glyphs: Glyphs) -> String {
        guard width > 0 else { return "" }
        let filled = maximum > 0 ? Int((Int64(width) * max(0, value) + maximum - 1) / maximum) : 0
        let f = min(width, filled)
        return String(repeating: glyphs.barFull, count: f) + String(repeating: glyphs.barEmpty, count: width - f)
    }
}
