/// A bordered frame for dialogs, recomputed from the screen size on every render so a
/// resize never leaves a dialog hanging off the edge.
enum Box {
    /// Clears `rect`, draws its border and a title in the top edge; returns the inner area.
    @discardableResult
    static func draw(_ rect: Rect, title: String, into buffer: inout CellBuffer, glyphs: Glyphs,
                     style: Style = .border) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        buffer.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        let inner = rect.width - 2
        let edge = String(repeating: glyphs.horizontal, count: inner)
        buffer.put(glyphs.topLeft + edge + glyphs.topRight, x: rect.x, y: rect.y, style: style)
        buffer.put(glyphs.bottomLeft + edge + glyphs.bottomRight, x: rect.x, y: rect.maxY - 1, style: style)
        for row in rect.y + 1 ..< rect.maxY - 1 {
            buffer.put(glyphs.vertical, x: rect.x, y: row, style: style)
            buffer.put(glyphs.vertical, x: rect.maxX - 1, y: row, style: style)
        }
        if !title.isEmpty, inner > 4 {
            buffer.put(" " + DisplayWidth.truncate(title, to: inner - 4) + " ", x: rect.x + 2, y: rect.y,
                       style: .title)
        }
        return rect.inset(1)
    }

    /// A dialog rectangle of the wanted size, centred on the screen and clipped to it, ending
    /// above its last two lines: the message line, where a dialog's actions report what went wrong
    /// ("L-10495 is delivered, not posted"), and the status bar stay in view. A dialog that would
    /// reach them moves up.
    static func dialogRect(screen: Rect, width: Int, height: Int) -> Rect {
        let rect = screen.centered(width: min(width, screen.width), height: min(height, max(2, screen.height - 2)))
        let bottom = screen.maxY - 2
        guard rect.maxY > bottom else { return rect }
        return Rect(x: rect.x, y: max(screen.y, bottom - rect.height), width: rect.width, height: rect.height)
    }
}
