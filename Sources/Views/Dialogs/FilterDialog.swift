import Domain

/// A form of labelled fields: the focused one underlined with a cursor, each
/// field's validation error under it in the error style.
enum FilterDialog {
    static func draw(_ form: FormState, screen: Rect, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let labelWidth = (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
        // Each field gets a line for its error when the screen has room; otherwise the fields sit on
        // consecutive lines, bad ones marked "!", and the focused (or first) error shows at the bottom.
        // As wide as the screen allows up to 96 columns, so an error such as "no loads start or end
        // in Dalas, TX; check the spelling or add the state" is read whole.
        let width = max(64, min(screen.width - 4, 96))
        let spaced = form.fields.count * 2 + 4 <= screen.height - 2
        let step = spaced ? 2 : 1
        let shown = form.fields.indices.contains(form.focused) && form.fields[form.focused].error != nil
            ? form.focused : form.fields.firstIndex { $0.error != nil }
        // Compact, the error shown at the bottom wraps onto as many lines as the screen has spare.
        let errorLines = spaced ? [] : shown.flatMap { index in
            form.fields[index].error.map { Screen.wrap("error (\(form.fields[index].label)): \($0)", width: max(1, width - 4)) }
        } ?? []
        let spare = max(1, screen.height - 2 - (form.fields.count + 3))
        let height = spaced ? form.fields.count * 2 + 4 : form.fields.count + 3 + max(1, min(errorLines.count, spare))
        let rect = Box.dialogRect(screen: screen, width: width, height: height)
        let inner = Box.draw(rect, title: form.title, into: &buffer, glyphs: glyphs)
        let valueWidth = max(4, inner.width - labelWidth - 4)
        let errorTop = inner.y + form.fields.count
        for (index, line) in errorLines.enumerated() where errorTop + index < inner.maxY - 1 {
            buffer.put(line, x: inner.x + 1, y: errorTop + index, style: .role(.error), maxWidth: inner.width - 1)
        }
        for (i, field) in form.fields.enumerated() {
            let y = inner.y + i * step
            guard y < inner.maxY - 1 else { break }
            let focused = i == form.focused
            let labelStyle = focused ? Style(role: .accent, bold: true) : .plain
            var x = inner.x + 1
            let mark = !spaced && field.error != nil ? "!" : ""
            x += buffer.put(DisplayWidth.pad(mark + field.label + ":", to: labelWidth), x: x, y: y,
                            style: mark.isEmpty ? labelStyle : Style.error)
            x += buffer.put(" ", x: x, y: y)
            drawInput(field.value, placeholder: field.placeholder, focused: focused, x: x, y: y,
                      width: min(valueWidth, inner.maxX - x - 1), into: &buffer, glyphs: glyphs)
            if spaced, let error = field.error, y + 1 < inner.maxY - 1 {
                // Under the value when it fits there, else from the label's column.
                let text = "error: " + error
                let errorX = DisplayWidth.of(text) <= inner.maxX - 1 - (inner.x + 2 + labelWidth) ? inner.x + 2 + labelWidth : inner.x + 2
                buffer.put(text, x: errorX, y: y + 1, style: .role(.error), maxWidth: inner.maxX - 1 - errorX)
            }
        }
        DialogView.footer(form.footer ?? " Tab next field  Enter apply  Esc cancel", inner: inner, into: &buffer)
    }

    /// A text field: underlined when focused (visible without colour), the cursor after
    /// the text, the placeholder dimmed when empty. Long text shows its end.
    static func drawInput(_ value: String, placeholder: String, focused: Bool, x: Int, y: Int, width: Int,
                          into buffer: inout CellBuffer, glyphs: Glyphs) {
        guard width > 0 else { return }
        let style = Style(role: .input, bold: focused, underline: true)
        buffer.put(String(repeating: " ", count: width), x: x, y: y, style: style)
        if value.isEmpty {
            buffer.put(placeholder, x: x + (focused ? 1 : 0), y: y, style: style.dimmed, maxWidth: width - 1)
        } else {
            var shown = value
            while DisplayWidth.of(shown) > width - 1, !shown.isEmpty { shown.removeFirst() }
            buffer.put(shown, x: x, y: y, style: style, maxWidth: width - 1)
        }
        if focused {
            let cursorX = value.isEmpty ? x : x + min(width - 1, DisplayWidth.of(value))
            buffer.put(glyphs.cursor, x: cursorX, y: y, style: style.reversed)
        }
    }
}
