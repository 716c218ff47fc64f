/// Maps a theme's hex colours down to what the terminal has, without touching curses:
/// 256 colours use the xterm 6×6×6 cube and the 24 greys; 16 and 8 colours pick the
/// nearest of the standard ANSI colours.
public struct ColorMapper: Sendable, Hashable {
    /// How many colours the terminal reports (`COLORS`).
    public var depth: Int

    public init(colors: Int) { depth = colors }

    /// The terminal colour number for `color`, or nil when the terminal has no colour at all.
    public func index(for color: RGB) -> Int? {
        if depth >= 256 { return ColorMapper.xterm256(color) }
        guard depth >= 8 else { return nil }
        // A colour stays a colour and a grey stays a grey: by distance alone a soft green
        // is nearer to grey than to green, and would lose what it hints at.
        let greys = depth >= 16 ? [0, 7, 8, 15] : [0, 7]
        let colours = depth >= 16 ? [1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14] : [1, 2, 3, 4, 5, 6]
        return ColorMapper.nearest(color, among: color.saturation < ColorMapper.greyBelow ? greys : colours)
    }

    /// Colours whose channels differ less than this count as greys on 16 and 8 colours.
    public static let greyBelow = 48

    /// The xterm palette's standard values for colours 0–15.
    public static let ansi16: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// The six channel levels of the xterm colour cube (colours 16–231).
    public static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The closest of the cube colour and the grey ramp (232–255). Colours 0–15 are left
    /// out on purpose: terminals redefine them, the cube and the greys are fixed.
    public static func xterm256(_ color: RGB) -> Int {
        let r = nearestLevel(color.red), g = nearestLevel(color.green), b = nearestLevel(color.blue)
        let cube = RGB(cubeLevels[r], cubeLevels[g], cubeLevels[b])
        let cubeIndex = 16 + 36 * r + 6 * g + b
        // Greys run 8, 18, …, 238.
        let average = (color.red + color.green + color.blue) / 3
        let step = min(23, max(0, (average - 8 + 5) / 10))
        let greyLevel = 8 + 10 * step
        let grey = RGB(greyLevel, greyLevel, greyLevel)
        return grey.distance(to: color) < cube.distance(to: color) ? 232 + step : cubeIndex
    }

    /// Index of the cube level nearest to one channel value.
    static func nearestLevel(_ value: Int) -> Int {
        var best = 0
        for (index, level) in cubeLevels.enumerated() where abs(level - value) < abs(cubeLevels[best] - value) {
            best = index
        }
        return best
    }

    /// The ANSI colour number, of those allowed, closest to `color`.
    static func nearest(_ color: RGB, among allowed: [Int]) -> Int {
        var best = allowed[0]
        for index in allowed where ansi16[index].distance(to: color) < ansi16[best].distance(to: color) {
            best = index
        }
        return best
    }
}
