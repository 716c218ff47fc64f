import Domain

/// y/n before anything destructive.
enum ConfirmDialog {
    static func draw(_ confirm: ConfirmState, screen: Rect, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let width = min(60, max(30, DisplayWidth.of(confirm.message) + 6))
        let lines = Screen.wrap(confirm.message, width: max(1, min(width, screen.width) - 4))
        let rect = Box.dialogRect(screen: screen, width: width, height: lines.count + 5)
        let inner = Box.draw(rect, title: confirm.title, into: &buffer, glyphs: glyphs)
        for (i, line) in lines.enumerated() where i < inner.height - 2 {
            buffer.put(line, x: inner.x + 1, y: inner.y + 1 + i, maxWidth: inner.width - 1)
        }
        guard inner.height > 0 else { return }
        var x = inner.x + 1
        x += buffer.put("y", x: x, y: inner.maxY - 1, style: Style(role: .accent, bold: true))
        x += buffer.put(" yes   ", x: x, y: inner.maxY - 1)
        x += buffer.put("n", x: x, y: inner.maxY - 1, style: Style(role: .accent, bold: true))
        buffer.put(" no (Esc)", x: x, y: inner.maxY - 1, maxWidth: inner.maxX - x)
    }
}
