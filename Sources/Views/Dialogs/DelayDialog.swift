import Domain

/// Driver mode: pick the X12 reason for a delay.
enum DelayDialog {
    static func draw(_ delay: DelayState, screen: Rect, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let reasons = DelayReason.allCases
        let rect = Box.dialogRect(screen: screen, width: 40, height: reasons.count + 5)
        let inner = Box.draw(rect, title: "Delay \(delay.loadId)", into: &buffer, glyphs: glyphs)
        buffer.put("Why is the load late?", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1)
        for (i, reason) in reasons.enumerated() where i + 1 < inner.height - 1 {
            let selected = i == delay.selected
            let text = DisplayWidth.pad("\(selected ? ">" : " ") \(reason.rawValue)  \(reason.label)", to: inner.width)
            buffer.put(text, x: inner.x, y: inner.y + 1 + i, style: selected ? .selected : .plain)
        }
        DialogView.footer(" j/k  Enter record  Esc cancel", inner: inner, into: &buffer)
    }
}
