import Domain

extension TabBar {
    /// The pane whose tab covers column `x` of the tab bar, laid out exactly as `draw` does.
    public static func pane(atColumn x: Int, state: ScreenState) -> Pane? {
        var left = DisplayWidth.of(" dispatch ") + 1
        for (index, pane) in Pane.tabs(for: state.session.role).enumerated() {
            let width = DisplayWidth.of(" \(index + 1) \(pane.title) ")
            guard left + width <= state.width else { return nil }
            if x >= left && x < left + width { return pane }
            left += width
        }
        return nil
    }
}

extension Screen {
    /// Line 0 holds the tabs.
    public static let tabBarLine = 0

    /// Index into `state.board.rows` of the board row drawn on screen line `y`, or nil when
    /// `y` is not on a row (the same arithmetic `BoardView.draw` uses).
    public static func boardRow(atLine y: Int, state: ScreenState) -> Int? {
        let area = paneRect(width: state.width, height: state.height)
        let visible = max(0, area.height - BoardView.headerLines)
        let first = area.y + BoardView.headerLines
        guard y >= first, y < first + visible, !state.board.rows.isEmpty else { return nil }
        let board = state.board
        let top = Table.top(selected: board.selected, top: board.top, visible: visible, count: board.rows.count)
        let index = top + (y - first)
        return index < board.rows.count ? index : nil
    }
}
