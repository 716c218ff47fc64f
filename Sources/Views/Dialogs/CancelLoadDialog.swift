import Domain

/// Board: cancel the selected load. The title names the load, the list the reason, and the keys
/// line says exactly what Enter will do.
enum CancelLoadDialog {
    static func draw(_ cancel: CancelLoadState, screen: Rect, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let reasons = CancelReason.allCases
        let width = max(52, min(screen.width - 4, 76))
        let rect = Box.dialogRect(screen: screen, width: width, height: reasons.count + 9)
        let inner = Box.draw(rect, title: "Cancel \(cancel.loadId)?", into: &buffer, glyphs: glyphs)
        buffer.put(cancel.about, x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1)
        buffer.put("Why is it cancelled?", x: inner.x + 1, y: inner.y + 1, style: .muted, maxWidth: inner.width - 1)
        for (i, reason) in reasons.enumerated() where i + 2 < inner.height - 3 {
            let selected = i == cancel.selected
            let text = DisplayWidth.pad("\(selected ? ">" : " ") \(reason.label)", to: inner.width)
            let style: Style = selected ? (cancel.focus == 0 ? .selected : Style(role: .accent, bold: true)) : .plain
            buffer.put(text, x: inner.x, y: inner.y + 2 + i, style: style)
        }
        let noteY = inner.y + 3 + reasons.count
        if noteY < inner.maxY - 1 {
            let label = "Note: "
            let x = inner.x + 1 + buffer.put(label, x: inner.x + 1, y: noteY, style: cancel.focus == 1 ? Style(role: .accent, bold: true) : .plain)
            FilterDialog.drawInput(cancel.note, placeholder: cancel.reason == .other ? "required: say why" : "optional",
                                   focused: cancel.focus == 1, x: x, y: noteY, width: inner.maxX - x - 1,
                                   into: &buffer, glyphs: glyphs)
        }
        if let error = cancel.error, noteY + 1 < inner.maxY - 1 {
            buffer.put("error: " + error, x: inner.x + 1, y: noteY + 1, style: .role(.error), maxWidth: inner.width - 1)
        }
        DialogView.footer(" j/k reason  Tab note  Enter cancel it (\(cancel.reason.label))  Esc keep it",
                          inner: inner, into: &buffer)
    }
}
