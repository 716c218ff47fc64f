/// A column of a `Table`: how narrow it may get, how wide it may grow, and how
/// important it is when the screen is too narrow for all columns.
struct Column: Sendable {
    var title: String
    var width: Int
    /// Extra columns of width this column takes when the screen is wide.
    var maxWidth: Int
    /// Higher survives longer; the lowest-priority columns are dropped first.
    var priority: Int
    var alignRight: Bool

    init(_ title: String, width: Int, maxWidth: Int? = nil, priority: Int = 5, right: Bool = false) {
        self.title = title
        self.width = width
        self.maxWidth = maxWidth ?? width
        self.priority = priority
        self.alignRight = right
    }
}

/// One table row: the text per column, an optional style per cell, the row's style.
struct TableRow: Sendable {
    var cells: [String]
    var cellStyles: [Int: Style] = [:]
    var style: Style = .plain
    /// Characters at the end of a cell that survive truncation (", MO" of a city), so a cut
    /// cell reads "Kansas Ci…, MO" rather than "Kansas City, M".
    var keptEnds: [Int: Int] = [:]
}

/// Fits columns into a width and draws header and rows.
enum Table {
    /// Visible columns (indices into `columns`, in their order) with their x offset and width.
    static func layout(_ columns: [Column], width: Int) -> [(index: Int, x: Int, width: Int)] {
        var kept = Set(columns.indices)
        func needed() -> Int { kept.reduce(0) { $0 + columns[$1].width + 1 } - (kept.isEmpty ? 0 : 1) }
        // Drop the least important (rightmost first on ties) until the rest fits.
        while needed() > width, kept.count > 1 {
            guard let drop = kept.min(by: { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) }) else { break }
            kept.remove(drop)
        }
        var widths = columns.map(\.width)
        var spare = width - needed()
        // Hand spare columns out one at a time so every growable column widens evenly.
        while spare > 0 {
            let growable = kept.sorted().filter { widths[$0] < columns[$0].maxWidth }
            if growable.isEmpty { break }
            for i in growable where spare > 0 {
                widths[i] += 1
                spare -= 1
            }
        }
        var x = 0
        return kept.sorted().map { i in
            defer { x += widths[i] + 1 }
            return (i, x, min(widths[i], max(0, width - x)))
        }
    }

    /// Draws the header at `y` and `rows` below it; `selected` (index into rows) is reversed.
    static func draw(_ columns: [Column], rows: [TableRow], selected: Int?, at origin: (x: Int, y: Int),
                     width: Int, into buffer: inout CellBuffer, ellipsis: String = "…") {
        let layout = layout(columns, width: width)
        buffer.put(String(repeating: " ", count: max(0, width)), x: origin.x, y: origin.y, style: .header.underlined)
        for (i, x, w) in layout {
            buffer.put(DisplayWidth.pad(columns[i].title, to: w, right: columns[i].alignRight),
                       x: origin.x + x, y: origin.y, style: .header.underlined, maxWidth: w)
        }
        for (r, row) in rows.enumerated() {
            let y = origin.y + 1 + r
            let isSelected = r == selected
            let base = isSelected ? row.style.reversed : row.style
            buffer.put(String(repeating: " ", count: max(0, width)), x: origin.x, y: y, style: base)
            for (i, x, w) in layout where i < row.cells.count {
                var style = row.cellStyles[i] ?? row.style
                if isSelected { style.reverse = true }
                let text = fit(row.cells[i], width: w, keepingEnd: row.keptEnds[i], ellipsis: ellipsis)
                buffer.put(DisplayWidth.pad(text, to: w, right: columns[i].alignRight),
                           x: origin.x + x, y: y, style: style, maxWidth: w)
            }
        }
    }

    /// `text` as it fits `width`: unchanged when it fits or keeps no end; else its head is cut
    /// with `ellipsis` and its last `keepingEnd` characters kept, when they leave room for a letter.
    static func fit(_ text: String, width: Int, keepingEnd: Int?, ellipsis: String) -> String {
        guard let keep = keepingEnd, keep > 0, DisplayWidth.of(text) > width else { return text }
        let tail = String(text.suffix(keep))
        let room = width - DisplayWidth.of(tail)
        guard room >= DisplayWidth.of(ellipsis) + 1 else { return text }
        return DisplayWidth.truncate(String(text.dropLast(keep)), to: room, marker: ellipsis) + tail
    }

    /// Keeps the selection inside the window: the first row to show.
    static func top(selected: Int, top: Int, visible: Int, count: Int) -> Int {
        guard visible > 0, count > 0 else { return 0 }
        var t = max(0, min(top, count - 1))
        if selected < t { t = selected }
        if selected >= t + visible { t = selected - visible + 1 }
        return max(0, t)
    }
}
