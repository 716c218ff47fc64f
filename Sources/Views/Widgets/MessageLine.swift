import Domain

/// The line above the status bar: a flash message, the `:` command line, or hints for the pane.
enum MessageLine {
    static func draw(_ state: ScreenState, y: Int, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let width = buffer.width
        buffer.put(String(repeating: " ", count: width), x: 0, y: y)
        if let command = state.commandLine {
            var x = buffer.put(":", x: 0, y: y, style: Style(role: .input, bold: true))
            x += buffer.put(command, x: x, y: y, style: .role(.input), maxWidth: width - x - 1)
            x += buffer.put(glyphs.cursor, x: x, y: y, style: Style(role: .input, bold: true))
            if !state.commandCandidates.isEmpty, x + 4 < width {
                buffer.put("   " + state.commandCandidates.joined(separator: "  "), x: x, y: y, style: .muted,
                           maxWidth: width - x)
            }
            return
        }
        if let flash = state.flash {
            switch flash.kind {
            case .error:
                let x = buffer.put("error: ", x: 0, y: y, style: .error)
                buffer.put(flash.text, x: x, y: y, style: .role(.error), maxWidth: width - x)
            case .info:
                buffer.put(flash.text, x: 0, y: y, style: .role(.accent), maxWidth: width)
            }
            return
        }
        buffer.put(hint(state), x: 0, y: y, style: .muted, maxWidth: width)
    }

    /// What to press next in the current pane.
    static func hint(_ state: ScreenState) -> String {
        switch state.pane {
        case .board:
            var text = ""
            if state.board.query != BoardQuery(sort: state.board.query.sort, descending: state.board.query.descending) {
                text = "filter: \(state.board.query.summary)  F clear  "
            }
            if let row = state.board.selectedRow, row.pending { text += "\(row.id) pending sync  " }
            return text + "/ filter  a assign  s sort  ? help"
        case .map: return "+/- zoom  hjkl pan  Tab next pane  ? help"
        case .verification: return "j/k move  / filter  ? help"
        case .payments:
            return state.payments.tab == .payouts ? "A approve  H hold  Q QuickPay  s status  t invoices  ? help"
                : "t payouts/invoices  j/k move  ? help"
        case .outbox: return "R retry  x discard  r sync now  ? help"
        case .driverLoads: return "c confirm  d delay  ? help"
        }
    }
}
