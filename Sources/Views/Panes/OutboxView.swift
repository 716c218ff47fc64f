import Domain

/// Queued edits waiting for the server, and below them the conflicts it refused, with why.
///
/// `OutboxState.selected` counts through pending items first, then conflicts.
enum OutboxView {
    static func draw(_ state: ScreenState, in area: Rect, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let box = state.outbox
        let pendingCount = box.pending.count, conflictCount = box.conflicts.count
        // Each section needs a heading and a column header; share the rest by need.
        let rowsSpace = max(0, area.height - 4)
        let conflictRows = conflictCount == 0 ? 1 : min(conflictCount, max(rowsSpace / 2, rowsSpace - pendingCount))
        let pendingRows = max(1, rowsSpace - conflictRows)

        var y = area.y
        let pendingTitle = "Pending (\(Format.count(pendingCount)))" + (pendingCount > 0 ? "  waiting to sync" : "  nothing queued")
        buffer.put(pendingTitle, x: area.x, y: y, style: .title, maxWidth: area.width)
        y += 1
        let selectedPending = box.selected < pendingCount ? box.selected : nil
        let pendingTop = Table.top(selected: selectedPending ?? 0, top: 0, visible: pendingRows, count: pendingCount)
        let pendingWindow = pendingCount == 0 ? [] : Array(box.pending[pendingTop ..< min(pendingCount, pendingTop + pendingRows)])
        Table.draw(pendingColumns, rows: pendingWindow.map { pendingRow($0, now: state.now) },
                   selected: selectedPending.map { $0 - pendingTop }, at: (area.x, y), width: area.width, into: &buffer)
        y += 1 + pendingRows

        let conflictTitle = "Conflicts (\(Format.count(conflictCount)))" + (conflictCount > 0 ? "  R retry  x discard" : "")
        buffer.put(conflictTitle, x: area.x, y: y, style: conflictCount > 0 ? Style(role: .danger, bold: true) : .title,
                   maxWidth: area.width)
        y += 1
        let selectedConflict = box.selected >= pendingCount ? box.selected - pendingCount : nil
        let visible = max(0, area.maxY - y - 1)
        let conflictTop = Table.top(selected: selectedConflict ?? 0, top: 0, visible: visible, count: conflictCount)
        let conflictWindow = conflictCount == 0 ? [] : Array(box.conflicts[conflictTop ..< min(conflictCount, conflictTop + visible)])
        Table.draw(conflictColumns, rows: conflictWindow.map { conflictRow($0, now: state.now) },
                   selected: selectedConflict.map { $0 - conflictTop }, at: (area.x, y), width: area.width, into: &buffer)
    }

    static let pendingColumns: [Column] = [
        Column("ID", width: 6, priority: 90, right: true),
        Column("Age", width: 5, priority: 80, right: true),
        Column("Change", width: 20, maxWidth: 120, priority: 100),
        Column("State", width: 8, priority: 95),
    ]

    static let conflictColumns: [Column] = [
        Column("ID", width: 6, priority: 90, right: true),
        Column("Age", width: 5, priority: 80, right: true),
        Column("Change", width: 20, maxWidth: 60, priority: 100),
        Column("Refused because", width: 20, maxWidth: 80, priority: 99),
    ]

    static func pendingRow(_ item: OutboxItem, now: Int64) -> TableRow {
        var row = TableRow(cells: ["#\(item.id)", Format.age(now - item.createdAt), item.summary, "pending"])
        row.cellStyles[3] = Style(role: .pending, bold: true)
        return row
    }

    static func conflictRow(_ item: OutboxItem, now: Int64) -> TableRow {
        var row = TableRow(cells: ["#\(item.id)", Format.age(now - item.createdAt), item.summary,
                                   item.rejection ?? "rejected"])
        row.cellStyles[3] = .role(.danger)
        return row
    }
}
