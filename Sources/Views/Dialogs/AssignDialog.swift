import Domain

/// Pick a driver for a load: the load, the typed driver id and deadhead limit, and
/// candidates ranked by deadhead with equipment, hours left and the carrier's verdict.
enum AssignDialog {
    static func draw(_ assign: AssignState, screen: Rect, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let wantedRows = max(3, assign.candidates.count)
        let rect = Box.dialogRect(screen: screen, width: max(76, min(110, screen.width - 4)), height: wantedRows + 9)
        let inner = Box.draw(rect, title: "Assign \(assign.load.id)", into: &buffer, glyphs: glyphs)
        guard inner.height >= 5 else { return }
        let load = assign.load
        let x = inner.x + 1, width = inner.width - 2
        let loadLine = "\(load.originCity), \(load.originState) \(glyphs.arrow) \(load.destCity), \(load.destState)"
            + "  \(load.equipment)  pickup \(Format.dateTime(load.pickupAt))  \(Money.perMile(load.ratePerMileCents))"
        buffer.put(loadLine, x: x, y: inner.y, style: .header, maxWidth: width)

        var fx = x
        fx += buffer.put("Driver id: ", x: fx, y: inner.y + 1, style: assign.focus == 1 ? Style(role: .accent, bold: true) : .plain)
        FilterDialog.drawInput(assign.driverField, placeholder: "id or name", focused: assign.focus == 1, x: fx,
                               y: inner.y + 1, width: 14, into: &buffer, glyphs: glyphs)
        fx += 16
        fx += buffer.put("Max deadhead mi: ", x: fx, y: inner.y + 1,
                         style: assign.focus == 2 ? Style(role: .accent, bold: true) : .plain, maxWidth: inner.maxX - fx)
        FilterDialog.drawInput(assign.radiusField, placeholder: "250", focused: assign.focus == 2, x: fx,
                               y: inner.y + 1, width: min(7, inner.maxX - fx - 1), into: &buffer, glyphs: glyphs)
        if let error = assign.error {
            let ex = buffer.put("error: ", x: x, y: inner.y + 2, style: .error)
            buffer.put(error, x: x + ex, y: inner.y + 2, style: .role(.error), maxWidth: width - ex)
        }

        let listY = inner.y + 3
        let visible = max(0, inner.maxY - 1 - listY - 1)
        if assign.candidates.isEmpty {
            let message = assign.loading ? "finding drivers near \(load.originCity)" + glyphs.ellipsis
                : "No driver within \(assign.radiusField) mi deadhead; raise the limit or type a driver id"
            buffer.put(message, x: x, y: listY + 1, style: .muted, maxWidth: width)
        } else {
            let top = Table.top(selected: assign.selected, top: 0, visible: visible, count: assign.candidates.count)
            let window = assign.candidates[top ..< min(assign.candidates.count, top + visible)]
            Table.draw(columns, rows: window.map(row), selected: assign.focus == 0 ? assign.selected - top : nil,
                       at: (x, listY), width: width, into: &buffer)
            if assign.focus != 0, assign.candidates.indices.contains(assign.selected), assign.selected >= top,
               assign.selected < top + visible {
                buffer.put(">", x: inner.x, y: listY + 1 + assign.selected - top, style: .role(.accent).bolded)
            }
        }
        DialogView.footer(" j/k choose  Tab field  Enter assign  Esc cancel   ! mismatch / short",
                          inner: inner, into: &buffer)
    }

    static let columns: [Column] = [
        Column("Driver", width: 7, maxWidth: 9, priority: 100),
        Column("Name", width: 12, maxWidth: 22, priority: 90),
        Column("Deadhead", width: 8, priority: 95, right: true),
        Column("Eq", width: 4, priority: 85),
        Column("HOS", width: 5, priority: 80, right: true),
        Column("Pickup", width: 7, priority: 82),
        Column("Carrier", width: 12, maxWidth: 24, priority: 70),
        Column("Verdict", width: 10, priority: 98),
    ]

    static func row(_ c: DriverCandidate) -> TableRow {
        var row = TableRow(cells: [
            c.driver.id, c.driver.name, "\(Format.count(c.deadheadMiles)) mi",
            c.driver.equipment + (c.equipmentMatches ? "" : "!"),
            Format.hours(minutes: c.hosMinutesLeft) + (c.hasHours ? "" : "!"),
            c.onTime ? "on time" : "late!",
            c.carrierName, VerificationView.word(c.verdict),
        ])
        row.cellStyles[7] = VerificationView.style(c.verdict)
        if !c.equipmentMatches { row.cellStyles[3] = Style(role: .warn, bold: true) }
        if !c.hasHours { row.cellStyles[4] = Style(role: .warn, bold: true) }
        if !c.onTime { row.cellStyles[5] = Style(role: .warn, bold: true) }
        if c.verdict == .doNotUse { row.style = .muted }
        return row
    }
}
