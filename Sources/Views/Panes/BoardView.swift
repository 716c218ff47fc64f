import Domain

/// The load board: a summary line, then a table of the rows on screen with a scrollbar.
enum BoardView {
    /// Summary line and column header above the rows.
    static let headerLines = 2

    static func draw(_ state: ScreenState, in area: Rect, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let board = state.board
        drawSummary(board, glyphs: glyphs, y: area.y, width: area.width, into: &buffer)
        let visible = max(0, area.height - headerLines)
        let tableWidth = area.width - 1 // the last column is the scrollbar
        let columns = self.columns(for: board.rows)
        let top = Table.top(selected: board.selected, top: board.top, visible: visible, count: board.rows.count)
        let window = board.rows.isEmpty ? [] : Array(board.rows[top ..< min(board.rows.count, top + visible)])
        let rows = window.map { row(for: $0, now: state.now, glyphs: glyphs) }
        let selected = board.rows.isEmpty ? nil : board.selected - top
        Table.draw(columns, rows: rows, selected: selected, at: (area.x, area.y + 1), width: tableWidth, into: &buffer,
                   ellipsis: glyphs.ellipsis)
        let total = board.totalCount ?? board.rows.count
        Scrollbar.draw(x: area.maxX - 1, y: area.y + headerLines, height: visible, total: total,
                       position: board.selectedPosition ?? board.selected, visible: visible,
                       into: &buffer, glyphs: glyphs)
        if board.rows.isEmpty {
            let message = board.loading ? "loading loads" + glyphs.ellipsis
                : "No loads match \(board.query.summary)" + (board.query.summary == "all loads" ? "" : "  (F clears the filter)")
            buffer.put(message, x: area.x + 2, y: area.y + headerLines + 1, style: .muted, maxWidth: tableWidth - 2)
        }
    }

    /// "all loads · sort pickup date ▲ · * pending" … "row 12 of 100,000 · avg $2.45/mi"
    static func drawSummary(_ board: BoardState, glyphs: Glyphs, y: Int, width: Int, into buffer: inout CellBuffer) {
        let arrow = board.query.descending ? glyphs.descending : glyphs.ascending
        var left = (board.viewName.map { "[\($0)] " } ?? "") + "\(board.query.summary)  sort: \(board.query.sort.label) \(arrow)"
        if board.rows.contains(where: \.pending) { left += "  \(glyphs.pending) pending sync" }
        var right: [String] = []
        if let total = board.totalCount {
            let position = (board.selectedPosition ?? board.selected) + 1
            right.append(total == 0 ? "0 loads" : "row \(Format.count(min(position, total))) of \(Format.count(total))")
        } else if !board.rows.isEmpty {
            right.append("row \(board.selected + 1) of \(board.rows.count)+")
        }
        if let average = board.averageRatePerMileCents { right.append("avg \(Money.perMile(average))") }
        if board.loading { right.append("loading" + glyphs.ellipsis) }
        let rightText = right.joined(separator: "  ")
        let rightWidth = DisplayWidth.of(rightText)
        buffer.put(DisplayWidth.truncate(left, to: max(0, width - rightWidth - 2), marker: glyphs.ellipsis),
                   x: 0, y: y, style: .title)
        buffer.put(rightText, x: max(0, width - rightWidth), y: y, style: .role(.accent))
    }

    static func columns(for rows: [LoadSummary]) -> [Column] {
        let idWidth = min(12, max(4, rows.map { DisplayWidth.of($0.id) }.max() ?? 4))
        return [
            Column("", width: 1, priority: 100),
            Column("ID", width: idWidth, priority: 99),
            Column("Status", width: 10, priority: 90),
            Column("Origin", width: 13, maxWidth: 26, priority: 95),
            Column("Dest", width: 13, maxWidth: 26, priority: 94),
            Column("Pickup", width: 12, priority: 80),
            Column("Eq", width: 3, priority: 66),
            Column("Miles", width: 5, priority: 65, right: true),
            Column("Rate", width: 7, priority: 85, right: true),
            Column("$/mi", width: 5, priority: 88, right: true),
            Column("Wt", width: 4, priority: 40, right: true),
            Column("Driver", width: 8, maxWidth: 12, priority: 50),
            // Only on wide screens.
            Column("Ref", width: 10, maxWidth: 16, priority: 30),
            Column("Len", width: 4, priority: 20, right: true),
            Column("Posted", width: 6, priority: 25, right: true),
        ]
    }

    static func row(for load: LoadSummary, now: Int64, glyphs: Glyphs) -> TableRow {
        // Stops between the first pickup and the last delivery: "Memphis, TN +2".
        let between = load.stopCount > 2 ? " +\(load.stopCount - 2)" : ""
        let cells = [
            load.pending ? glyphs.pending : " ",
            load.id,
            load.status.label,
            "\(load.originCity), \(load.originState)",
            "\(load.destCity), \(load.destState)\(between)",
            Format.dateTime(load.pickupAt),
            load.equipment,
            Format.count(load.miles),
            Money.dollars(load.rateCents, whole: true),
            Money.plain(load.ratePerMileCents),
            Format.kilo(load.weightLbs),
            load.driverId ?? "-",
            load.reference,
            "\(load.lengthFt)'",
            Format.age(now - load.postedAt),
        ]
        var row = TableRow(cells: cells)
        if load.pending {
            row.style = Style(role: .pending, bold: true)
        }
        if !load.pending { row.cellStyles[2] = statusStyle(load.status) }
        // A cut city keeps its state: ", MO".
        row.keptEnds = [3: load.originState.count + 2, 4: load.destState.count + 2 + between.count]
        return row
    }

    static func statusStyle(_ status: LoadStatus) -> Style {
        switch status {
        case .posted: .role(.accent)
        case .cancelled, .refused: .role(.danger)
        case .delivered: .role(.ok)
        default: .plain
        }
    }
}
