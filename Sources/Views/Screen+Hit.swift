import Domain

/// Where a mouse click lands: which list row is drawn on a screen line.
extension Screen {
    /// Line 0 holds the tabs.
    public static let tabBarLine = 0

    /// Index into `state.board.rows` of the board row drawn on screen line `y`, or nil when
    /// `y` is not on a row (the same arithmetic `BoardView.draw` uses).
    public static func boardRow(atLine y: Int, state: ScreenState) -> Int? {
        let board = state.board
        return row(atLine: y, state: state, headerLines: BoardView.headerLines, selected: board.selected, top: board.top,
                   count: board.rows.count)
    }

    /// The row of the list a pane shows on line `y`, for the panes with one table under a
    /// header: the board, carriers and payments (the outbox stacks two tables).
    public static func listRow(atLine y: Int, state: ScreenState) -> Int? {
        switch state.pane {
        case .board:
            return boardRow(atLine: y, state: state)
        case .verification:
            let v = state.verification
            return row(atLine: y, state: state, headerLines: VerificationView.headerLines, selected: v.selected, top: v.top,
                       count: v.carriers.count)
        case .payments:
            let p = state.payments
            return row(atLine: y, state: state, headerLines: PaymentsView.headerLines(state), selected: p.selected, top: p.top,
                       count: p.loadedCount)
        case .map, .outbox, .driverLoads:
            return nil
        }
    }

    /// Rows start `headerLines` below the top of the pane and scroll as `Table.top` says.
    static func row(atLine y: Int, state: ScreenState, headerLines: Int, selected: Int, top: Int, count: Int) -> Int? {
        let area = paneRect(width: state.width, height: state.height)
        let visible = max(0, area.height - headerLines)
        let first = area.y + headerLines
        guard y >= first, y < first + visible, count > 0 else { return nil }
        let index = Table.top(selected: selected, top: top, visible: visible, count: count) + (y - first)
        return index < count ? index : nil
    }
}
