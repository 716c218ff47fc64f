import Domain

/// `?`: the bindings of the pane in force, generated from `KeyMap` so it cannot go stale.
enum HelpDialog {
    static func draw(_ state: ScreenState, screen: Rect, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let bindings = KeyMap.bindings(for: state.pane, role: state.session.role)
        let keyWidth = bindings.map { DisplayWidth.of($0.keyLabel) }.max() ?? 4
        let entryWidth = keyWidth + 2 + (bindings.map { DisplayWidth.of($0.help) }.max() ?? 10)
        // Two columns when one would not fit the height.
        let rowsAvailable = max(1, screen.height - 6)
        let columns = bindings.count > rowsAvailable && screen.width >= 2 * entryWidth + 7 ? 2 : 1
        let rows = (bindings.count + columns - 1) / columns
        let rect = Box.dialogRect(screen: screen, width: columns * (entryWidth + 3) + 3, height: rows + 4)
        let inner = Box.draw(rect, title: "Keys: \(state.pane.title)", into: &buffer, glyphs: glyphs)
        for (i, binding) in bindings.enumerated() {
            let column = i / rows, row = i % rows
            guard row < inner.height - 1 else { continue }
            let x = inner.x + 1 + column * (entryWidth + 3)
            let limit = inner.maxX - x
            let kx = buffer.put(DisplayWidth.pad(binding.keyLabel, to: keyWidth), x: x, y: inner.y + row,
                                style: Style(role: .accent, bold: true), maxWidth: limit)
            buffer.put("  " + binding.help, x: x + kx, y: inner.y + row, maxWidth: max(0, limit - kx))
        }
        DialogView.footer(" Esc or ? closes", inner: inner, into: &buffer)
    }
}
