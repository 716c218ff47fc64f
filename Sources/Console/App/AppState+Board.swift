import Domain
import Sync
import Views

/// Keyset paging of the board: a window of rows around the selection, extended a page at a
/// time as the selection nears its edges, trimmed so memory stays bounded.
extension AppState {
    /// A new query: start from its first row.
    mutating func reloadBoard() -> [Effect] {
        screen.board.viewName = screen.board.savedViews.first { $0.query == screen.board.query }?.name
        screen.board.loading = true
        totalsWanted = totalsFilters != screen.board.query.ignoringSort
        return [fetch(screen.board.window.reload())]
    }

    /// The mirror changed: re-read the rows on screen in place, keeping the selection.
    mutating func refreshBoard() -> [Effect] {
        guard !screen.board.rows.isEmpty || screen.board.window.inFlight else { return reloadBoard() }
        // Not dropped while a page is in flight: the window asks again as soon as it has arrived.
        guard let request = screen.board.window.refresh(visible: boardVisible) else { return [] }
        // The mirror changed: the totals on screen are of the rows before.
        totalsFilters = nil
        let board = screen.board
        return [fetch(request), .fetchTotals(board.query, selected: board.selectedRow, generation: request.generation)]
    }

    mutating func moveBoard(by delta: Int) -> [Effect] {
        let request = screen.board.window.move(by: delta, visible: boardVisible)
        screen.board.selectedPosition = screen.board.window.selectedPosition
        return request.map { [fetch($0)] } ?? []
    }

    /// Asks for the next or previous page when the selection is within a screen of the window's edge.
    mutating func extendBoardIfNeeded() -> [Effect] {
        screen.board.window.extendIfNeeded(visible: boardVisible).map { [fetch($0)] } ?? []
    }

    mutating func jumpBoard(toEnd: Bool) -> [Effect] {
        screen.board.loading = true
        return [fetch(screen.board.window.jump(toEnd: toEnd))]
    }

    mutating func receiveBoardPage(_ rows: [LoadSummary], for request: WindowRequest<LoadSummary>) -> [Effect] {
        guard screen.board.window.receive(rows, for: request, visible: boardVisible, total: screen.board.totalCount) else { return [] }
        screen.board.loading = false
        screen.board.selectedPosition = screen.board.window.selectedPosition
        var effects: [Effect] = []
        if screen.board.window.stale {
            effects += refreshBoard()
        } else {
            effects += extendBoardIfNeeded()
        }
        if screen.pane == .map { effects.append(.fetchMap(selected: screen.board.selectedRow)) }
        if totalsWanted {
            totalsWanted = false
            effects.append(.fetchTotals(screen.board.query, selected: nil, generation: screen.board.window.generation))
        }
        return effects
    }

    mutating func receiveTotals(_ generation: Int, count: Int, average: Int64, position: Int?) {
        guard generation == screen.board.window.generation else { return }
        totalsFilters = screen.board.query.ignoringSort
        screen.board.totalCount = count
        screen.board.averageRatePerMileCents = average
        if let position, screen.board.selectedRow != nil {
            screen.board.window.place(selectedAt: position)
            screen.board.selectedPosition = position
        }
    }

    private func fetch(_ request: WindowRequest<LoadSummary>) -> Effect {
        .fetchBoard(screen.board.query, request.anchor, limit: request.limit, generation: request.generation)
    }

    /// The generation of the board's window: pages and totals of an older one are dropped.
    var boardGeneration: Int { screen.board.window.generation }
    var boardAtEnd: Bool { screen.board.window.atEnd }

    mutating func cycleSort() -> [Effect] {
        let all = BoardSort.allCases
        let index = all.firstIndex(of: screen.board.query.sort) ?? 0
        screen.board.query.sort = all[(index + 1) % all.count]
        screen.flash = Flash(.info, "sorted by \(screen.board.query.sort.label)")
        return reloadBoard()
    }
}
