import Domain

/// Driver mode: what `c` records (status, local time, place), made for 40x20; a delivery
/// adds the proof-of-delivery signer field with its error under it.
enum StatusConfirmDialog {
    static let labelWidth = 9

    static func draw(_ confirm: StatusConfirmState, state: ScreenState, screen: Rect, into buffer: inout CellBuffer,
                     glyphs: Glyphs) {
        let width = min(44, screen.width - 2)
        let textWidth = max(1, width - 4 - labelWidth)
        let errorLines = confirm.error.map { Screen.wrap("error: " + $0, width: max(1, width - 4)) } ?? []
        // record, time, place, coordinates, blank, [POD title, field, errors, blank], footer
        let height = 2 + 5 + (confirm.needsSigner ? 3 + errorLines.count : 0) + 1
        let rect = Box.dialogRect(screen: screen, width: width, height: height)
        let inner = Box.draw(rect, title: "Confirm \(confirm.loadId)", into: &buffer, glyphs: glyphs)
        var y = inner.y
        func row(_ label: String, _ value: String, style: Style = .plain) {
            guard y < inner.maxY - 1 else { return }
            buffer.put(DisplayWidth.pad(label, to: labelWidth), x: inner.x + 1, y: y, style: .muted)
            buffer.put(value, x: inner.x + 1 + labelWidth, y: y, style: style, maxWidth: textWidth)
            y += 1
        }
        row("Record", "\(confirm.statusWords) (\(confirm.code.rawValue))", style: Style(role: .accent, bold: true))
        if let stopName = confirm.stopName { row("Stop", stopName) }
        row("Time", Format.time(state.now + state.utcOffset) + " now, local")
        if let place = confirm.place {
            switch place.source {
            case .gps(let age): row("Place", "my GPS, \(Format.age(age)) ago")
            case .stop(let name): row("Place", "\(name) (stop)")
            }
            row("", place.coordinates)
        } else {
            row("Place", "unknown (no GPS, no stop)", style: .muted)
            y += 1
        }
        y += 1
        if confirm.needsSigner, y < inner.maxY - 1 {
            buffer.put("Proof of delivery", x: inner.x + 1, y: y, style: .header, maxWidth: inner.width - 1)
            y += 1
            if y < inner.maxY - 1 {
                let x = inner.x + 1 + buffer.put(DisplayWidth.pad("Signed by", to: labelWidth + 1), x: inner.x + 1, y: y,
                                                 style: Style(role: .accent, bold: true))
                FilterDialog.drawInput(confirm.signer, placeholder: "printed name", focused: true, x: x, y: y,
                                       width: inner.maxX - x - 1, into: &buffer, glyphs: glyphs)
                y += 1
            }
            for line in errorLines where y < inner.maxY - 1 {
                buffer.put(line, x: inner.x + 1, y: y, style: .error, maxWidth: inner.width - 1)
                y += 1
            }
        }
        DialogView.footer(" Enter record  Esc cancel", inner: inner, into: &buffer)
    }
}
