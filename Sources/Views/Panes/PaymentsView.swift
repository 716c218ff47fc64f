import Domain

/// Accounts payable and receivable: sub-tabs, invoice aging bars, then the table of the tab in force.
enum PaymentsView {
    /// Tabs line, four aging bars, one or two totals lines, column header.
    static func headerLines(_ state: ScreenState) -> Int { 6 + totalsLines(state).count }

    static func totalsLines(_ state: ScreenState) -> [String] { state.payments.totalsLines(fitting: state.width) }

    static func draw(_ state: ScreenState, in area: Rect, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let p = state.payments
        var x = area.x
        for (tab, title) in [(PaymentsState.Tab.payouts, "Payouts"), (.invoices, "Invoices")] {
            let active = tab == p.tab
            let label = active ? "[\(title)]" : " \(title) "
            x += buffer.put(label, x: x, y: area.y, style: active ? Style(role: .accent, bold: true, reverse: true) : .plain)
            x += buffer.put(" ", x: x, y: area.y)
        }
        let count = p.count
        let filter = p.tab == .payouts ? p.statusFilter.map { " (\($0.rawValue))" } ?? "" : ""
        buffer.put("  \(Format.count(count)) \(p.tab == .payouts ? "payouts" : "invoices")\(filter)   t switches",
                   x: x, y: area.y, style: .muted, maxWidth: area.maxX - x)
        drawAging(p, x: area.x, y: area.y + 1, width: area.width, into: &buffer, glyphs: glyphs)
        let totals = totalsLines(state)
        for (index, line) in totals.enumerated() {
            buffer.put(line, x: area.x, y: area.y + 5 + index, style: .header, maxWidth: area.width)
        }
        let headerLines = 6 + totals.count

        // The window holds the rows around the selection; the scrollbar places them in the whole list.
        let visible = max(0, area.height - headerLines)
        let loaded = p.loadedCount
        let top = Table.top(selected: p.selected, top: p.top, visible: visible, count: loaded)
        let range = loaded == 0 ? 0 ..< 0 : top ..< min(loaded, top + visible)
        let rows: [TableRow]
        let columns: [Column]
        if p.tab == .payouts {
            columns = payoutColumns
            rows = p.payouts.rows[range].map { payoutRow($0, names: p.carrierNames) }
        } else {
            columns = invoiceColumns
            rows = p.invoices.rows[range].map { invoiceRow($0, now: state.now) }
        }
        Table.draw(columns, rows: rows, selected: loaded == 0 ? nil : p.selected - top,
                   at: (area.x, area.y + headerLines - 1), width: area.width - 1, into: &buffer)
        Scrollbar.draw(x: area.maxX - 1, y: area.y + headerLines, height: visible, total: count,
                       position: p.position, visible: visible, into: &buffer, glyphs: glyphs)
    }

    /// Open invoices by age: one bar per bucket with its amount.
    static func drawAging(_ p: PaymentsState, x: Int, y: Int, width: Int, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let amounts = (0 ..< 4).map { p.agingCents.indices.contains($0) ? p.agingCents[$0] : 0 }
        let maximum = amounts.max() ?? 0
        let labelWidth = 13 // "aging 61-90  "
        let amountWidth = max(12, amounts.map { DisplayWidth.of(Money.dollars($0, whole: true)) }.max() ?? 0)
        let barWidth = max(0, min(50, width - labelWidth - amountWidth - 3))
        for (i, amount) in amounts.enumerated() {
            let label = DisplayWidth.pad("aging " + Invoice.agingLabels[i], to: labelWidth)
            var cx = x + buffer.put(label, x: x, y: y + i, style: .muted)
            let role: StyleRole = i == 0 ? .ok : i == 3 ? .danger : .warn
            cx += buffer.put(Bar.text(value: amount, maximum: maximum, width: barWidth, glyphs: glyphs),
                             x: cx, y: y + i, style: .role(role))
            buffer.put(" " + DisplayWidth.pad(Money.dollars(amount, whole: true), to: amountWidth, right: true),
                       x: cx, y: y + i, style: i == 3 && amount > 0 ? Style(role: .danger, bold: true) : .plain)
        }
    }

    static let payoutColumns: [Column] = [
        Column("ID", width: 7, maxWidth: 10, priority: 90),
        Column("Load", width: 8, maxWidth: 10, priority: 80),
        Column("Payee", width: 14, maxWidth: 30, priority: 85),
        Column("Amount", width: 10, priority: 100, right: true),
        Column("Method", width: 16, maxWidth: 20, priority: 70),
        Column("Status", width: 8, priority: 95),
        Column("Due", width: 6, priority: 60),
    ]

    static func payoutRow(_ payout: Payout, names: [String: String]) -> TableRow {
        let method = payout.method == .quickPay ? "QuickPay fee \(Money.dollars(payout.feeCents, whole: true))" : "standard"
        var row = TableRow(cells: [
            payout.id, payout.loadId, names[payout.carrierId] ?? payout.carrierId,
            Money.dollars(payout.amountCents), method, payout.status.rawValue, Format.date(payout.dueAt),
        ])
        switch payout.status {
        case .failed: row.cellStyles[5] = Style(role: .danger, bold: true)
        case .held: row.cellStyles[5] = Style(role: .warn, bold: true)
        case .paid: row.cellStyles[5] = .role(.ok)
        case .approved: row.cellStyles[5] = .role(.accent)
        case .pending: break
        }
        return row
    }

    static let invoiceColumns: [Column] = [
        Column("ID", width: 7, maxWidth: 10, priority: 90),
        Column("Load", width: 8, maxWidth: 10, priority: 80),
        Column("Shipper", width: 14, maxWidth: 30, priority: 85),
        Column("Amount", width: 10, priority: 100, right: true),
        Column("Issued", width: 6, priority: 60),
        Column("Due", width: 6, priority: 70),
        Column("Status", width: 8, priority: 95),
        Column("Age", width: 5, priority: 75),
    ]

    static func invoiceRow(_ invoice: Invoice, now: Int64) -> TableRow {
        let bucket = invoice.agingBucket(now: now)
        var row = TableRow(cells: [
            invoice.id, invoice.loadId, invoice.shipper, Money.dollars(invoice.amountCents),
            Format.date(invoice.issuedAt), Format.date(invoice.dueAt), invoice.status.rawValue,
            Invoice.agingLabels[bucket],
        ])
        if invoice.status == .disputed { row.cellStyles[6] = Style(role: .warn, bold: true) }
        if invoice.status == .open, bucket == 3 { row.cellStyles[7] = Style(role: .danger, bold: true) }
        return row
    }
}
