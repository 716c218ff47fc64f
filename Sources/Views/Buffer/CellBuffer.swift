/// A frame of terminal cells, built by the views and copied to the terminal by `Terminal`.
///
/// Text is placed by display width: a wide character fills its cell and leaves
/// an empty continuation cell to its right, so `lines()` reads back exactly
/// `width` columns per row and the terminal never gets a half character.
public struct CellBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]

    /// A blank frame; negative sizes count as zero.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at a column and row; reads outside the frame give a blank, writes there are ignored.
    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set {
            guard contains(x: x, y: y) else { return }
            cells[y * width + x] = newValue
        }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Writes `text` from column `x` of row `y`; returns the columns written.
    ///
    /// Clips at the frame's edge and at `maxWidth` by display width: a wide
    /// character that would straddle the limit is dropped, not split.
    /// Control and zero-width characters are skipped.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .init(), maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        if DisplayWidth.printableASCIICount(text) != nil {
            for byte in text.utf8 {
                if column + 1 > limit { break }
                if column >= 0 { place(Character(Unicode.Scalar(byte)), width: 1, x: column, y: y, style: style) }
                column += 1
            }
            return max(0, column - max(x, 0))
        }
        for c in text {
            let w = DisplayWidth.of(c)
            if w == 0 { continue }
            if column + w > limit { break }
            if column >= 0 { place(c, width: w, x: column, y: y, style: style) }
            column += w
        }
        return max(0, column - max(x, 0))
    }

    /// Fills a rectangle with one character (a space clears it).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, with text: String = " ", style: Style = .plain) {
        guard w > 0, h > 0 else { return }
        let glyphWidth = max(1, DisplayWidth.of(text))
        // One character, placed directly: a blank fill of a 120x40 frame is 4,800 cells.
        if text.count == 1, let c = text.first, DisplayWidth.of(c) == glyphWidth {
            for row in max(0, y) ..< min(height, y + h) {
                var column = x
                while column + glyphWidth <= min(width, x + w) {
                    if column >= 0 { place(c, width: glyphWidth, x: column, y: row, style: style) }
                    column += glyphWidth
                }
            }
            return
        }
        for row in y ..< y + h {
            var column = x
            while column + glyphWidth <= x + w {
                put(text, x: column, y: row, style: style)
                column += glyphWidth
            }
        }
    }

    /// Changes the style of existing cells without touching their text (for highlighting a row).
    public mutating func restyle(x: Int, y: Int, width w: Int, _ change: (inout Style) -> Void) {
        guard y >= 0, y < height else { return }
        for column in max(0, x) ..< min(width, x + max(0, w)) {
            change(&cells[y * width + column].style)
        }
    }

    /// The text of every row, exactly `width` columns each (trailing spaces kept).
    public func lines() -> [String] {
        (0 ..< height).map { line($0) }
    }

    /// The text of one row.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var s = ""
        for x in 0 ..< width { s += cells[y * width + x].text }
        return s
    }

    /// Copies another buffer onto this one at an offset (clipped).
    public mutating func blit(_ other: CellBuffer, x: Int, y: Int) {
        for row in 0 ..< other.height {
            for column in 0 ..< other.width {
                let cell = other[column, row]
                guard let c = cell.text.first else { continue }
                let w = DisplayWidth.of(c)
                if w > 0, contains(x: x + column, y: y + row), x + column + w <= width {
                    place(c, width: w, x: x + column, y: y + row, style: cell.style)
                }
            }
        }
    }

    /// Puts one character, repairing wide characters it overwrites half of.
    private mutating func place(_ c: Character, width w: Int, x: Int, y: Int, style: Style) {
        let row = y * width
        // Overwriting the right half of a wide character orphans its left half.
        if cells[row + x].isContinuation, x > 0 { cells[row + x - 1] = Cell(text: " ", style: cells[row + x - 1].style) }
        // Overwriting the left half of a wide character orphans its continuation.
        let end = x + w
        if end < width, cells[row + end].isContinuation { cells[row + end] = Cell(text: " ", style: cells[row + end].style) }
        cells[row + x] = Cell(text: String(c), style: style)
        if w == 2 { cells[row + x + 1] = Cell(text: "", style: style) }
    }
}
