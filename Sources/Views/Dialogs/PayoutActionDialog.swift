import Domain

/// Payments: the amount, the payee and (for QuickPay) the fee and net, before an
/// approve / hold / QuickPay is queued; a hold also takes its reason.
enum PayoutActionDialog {
    static let labelWidth = 10

    static func draw(_ action: PayoutActionState, screen: Rect, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let width = min(56, screen.width - 2)
        var rows: [(String, String)] = [
            ("Payee", action.payeeName),
            ("Load", action.payout.loadId),
            ("Amount", Money.dollars(action.payout.amountCents)),
        ]
        switch action.verb {
        case .approve:
            rows.append(("Pays", "\(Money.dollars(action.payout.netCents)) (\(action.payout.method == .quickPay ? "QuickPay" : "standard"))"))
        case .hold:
            rows.append(("Status", "\(action.payout.status.rawValue) → held"))
        case .quickPay:
            let percent = Payout.quickPayFeeBasisPoints
            rows.append(("Fee", "\(Money.dollars(action.quickPayFeeCents)) (\(percent / 100).\(percent % 100 / 10)%)"))
            rows.append(("Net", Money.dollars(action.quickPayNetCents)))
        }
        let errorLines = action.error.map { Screen.wrap("error: " + $0, width: max(1, width - 4)) } ?? []
        let height = 2 + rows.count + 1 + (action.verb == .hold ? 1 + errorLines.count : errorLines.count) + 1
        let rect = Box.dialogRect(screen: screen, width: width, height: height)
        let inner = Box.draw(rect, title: action.title, into: &buffer, glyphs: glyphs)
        var y = inner.y
        for (label, value) in rows where y < inner.maxY - 1 {
            buffer.put(DisplayWidth.pad(label, to: labelWidth), x: inner.x + 1, y: y, style: .muted)
            let style: Style = label == "Net" || label == "Amount" ? Style(role: .accent, bold: true) : .plain
            buffer.put(value, x: inner.x + 1 + labelWidth, y: y, style: style, maxWidth: inner.width - 1 - labelWidth)
            y += 1
        }
        y += 1
        if action.verb == .hold, y < inner.maxY - 1 {
            let x = inner.x + 1 + buffer.put(DisplayWidth.pad("Reason", to: labelWidth), x: inner.x + 1, y: y,
                                             style: Style(role: .accent, bold: true))
            FilterDialog.drawInput(action.reason, placeholder: "e.g. missing POD", focused: true, x: x, y: y,
                                   width: inner.maxX - x - 1, into: &buffer, glyphs: glyphs)
            y += 1
        }
        for line in errorLines where y < inner.maxY - 1 {
            buffer.put(line, x: inner.x + 1, y: y, style: .error, maxWidth: inner.width - 1)
            y += 1
        }
        DialogView.footer(action.verb == .hold ? " Enter hold  Esc cancel" : " Enter/y confirm  Esc/n cancel",
                          inner: inner, into: &buffer)
    }
}
