import Domain

/// Carriers and whether they may haul: verdict as a word, styled, with the reason.
enum VerificationView {
    /// Counts line and column header above the rows.
    static let headerLines = 2

    static func draw(_ state: ScreenState, in area: Rect, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let v = state.verification
        let counts = v.counts.isEmpty ? Dictionary(grouping: v.carriers, by: \.verdict).mapValues(\.count) : v.counts
        var x = buffer.put("Carriers  ", x: area.x, y: area.y, style: .title)
        for verdict in Verdict.allCases {
            let text = "\(word(verdict)) \(Format.count(counts[verdict] ?? 0))"
            x += buffer.put(text, x: x, y: area.y, style: style(verdict))
            x += buffer.put("  ", x: x, y: area.y)
        }
        var tail = "sort \(v.filter.sort.label)\(v.filter.descending ? " ▼" : " ▲")"
        if v.filter.isActive { tail = "filter \(v.filter.summary): \(Format.count(v.carriers.count)) shown  " + tail }
        buffer.put(tail, x: x, y: area.y, style: v.filter.isActive ? Style(role: .accent, bold: true) : .muted,
                   maxWidth: max(0, area.maxX - x))
        let visible = max(0, area.height - headerLines)
        let top = Table.top(selected: v.selected, top: v.top, visible: visible, count: v.carriers.count)
        let window = v.carriers.isEmpty ? [] : Array(v.carriers[top ..< min(v.carriers.count, top + visible)])
        let rows = window.map { row($0, now: state.now) }
        Table.draw(columns, rows: rows, selected: v.carriers.isEmpty ? nil : v.selected - top,
                   at: (area.x, area.y + 1), width: area.width - 1, into: &buffer)
        Scrollbar.draw(x: area.maxX - 1, y: area.y + headerLines, height: visible, total: v.carriers.count,
                       position: v.selected, visible: visible, into: &buffer, glyphs: glyphs)
        if v.carriers.isEmpty {
            let text = v.filter.isActive ? "No carrier matches the filter (F clears it)" : "No carriers in the mirror yet"
            buffer.put(text, x: area.x + 2, y: area.y + headerLines + 1, style: .muted)
        }
    }

    static let columns: [Column] = [
        Column("ID", width: 6, maxWidth: 8, priority: 90),
        Column("Name", width: 16, maxWidth: 30, priority: 95),
        Column("DOT", width: 7, priority: 50),
        Column("MC", width: 7, priority: 35),
        Column("Verdict", width: 10, priority: 100),
        Column("Reason", width: 18, maxWidth: 40, priority: 92),
        Column("Authority", width: 9, maxWidth: 14, priority: 72),
        Column("Safety", width: 6, maxWidth: 14, priority: 40),
        Column("Ins. exp", width: 11, priority: 85),
        Column("Flags", width: 5, priority: 78),
        Column("Checked", width: 7, priority: 45),
    ]

    static func row(_ c: Carrier, now: Int64) -> TableRow {
        let days = c.daysToInsuranceExpiry(now: now)
        // "!" and "EXP" say it without colour: within 30 days, or past.
        let expiry = Format.isoDate(c.insuranceExpiresAt) + (days < 0 ? "X" : days <= Carrier.expiryWarningDays ? "!" : "")
        let flags = c.riskFlags(now: now).count
        var row = TableRow(cells: [
            c.id, c.name, c.dotNumber, c.mcNumber, word(c.verdict), c.verdictReason, c.authorityLabel,
            c.safetyRating.isEmpty ? "unrated" : c.safetyRating, expiry, flags == 0 ? "-" : "\(flags)!",
            Format.age(now - c.checkedAt) + " ago",
        ])
        row.cellStyles[4] = style(c.verdict)
        if c.oosDate != nil || !c.allowedToOperate { row.cellStyles[6] = Style(role: .danger, bold: true) }
        if days < 0 { row.cellStyles[8] = Style(role: .danger, bold: true) }
        else if days <= Carrier.expiryWarningDays { row.cellStyles[8] = Style(role: .warn, bold: true) }
        if flags > 0 { row.cellStyles[9] = .role(.warn) }
        return row
    }

    /// The verdict as a word, so it reads without colour.
    static func word(_ verdict: Verdict) -> String {
        switch verdict {
        case .ok: "OK"
        case .warn: "WARN"
        case .doNotUse: "DO-NOT-USE"
        }
    }

    static func style(_ verdict: Verdict) -> Style {
        switch verdict {
        case .ok: Style(role: .ok)
        case .warn: Style(role: .warn, bold: true)
        case .doNotUse: Style(role: .danger, bold: true, underline: true)
        }
    }
}
