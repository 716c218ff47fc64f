import Domain
import Sync
import Views

/// Keyset paging of the board: a window of rows around the selection, extended a page at a
/// time as the selection nears its edges, trimmed so memory stays bounded.
extension AppState {
    /// A new query: start from its first row.
    mutating func reloadBoard() -> [Effect] {
        boardGeneration += 1
        boardRequestInFlight = true
        screen.board.viewName = screen.board.savedViews.first { $0.query == screen.board.query }?.name
        screen.board.loading = true
        totalsWanted = totalsFilters != screen.board.query.ignoringSort
        return [.fetchBoard(screen.board.query, .first, limit: Self.pageSize, generation: boardGeneration)]
    }

    /// The mirror changed: re-read the rows on screen in place, keeping the selection.
    mutating func refreshBoard() -> [Effect] {
        guard !boardRequestInFlight else {
            // Not dropped: the refresh runs as soon as the page in flight has arrived.
            boardStale = true
            return []
        }
        boardStale = false
        // The mirror changed: the totals on screen are of the rows before.
        totalsFilters = nil
        let board = screen.board
        let totals = Effect.fetchTotals(board.query, selected: board.selectedRow, generation: boardGeneration)
        guard let first = board.rows.first else { return reloadBoard() }
        boardRequestInFlight = true
        let limit = max(board.rows.count, boardVisible + 20)
        return [.fetchBoard(board.query, .from(first), limit: limit, generation: boardGeneration), totals]
    }

    mutating func moveBoard(by delta: Int) -> [Effect] {
        var board = screen.board
        guard !board.rows.isEmpty else { return [] }
        board.selected = min(max(0, board.selected + delta), board.rows.count - 1)
        let visible = boardVisible
        if board.selected < board.top { board.top = board.selected }
        if board.selected >= board.top + visible { board.top = board.selected - visible + 1 }
        board.top = max(0, min(board.top, max(0, board.rows.count - visible)))
        if board.selected < board.top { board.top = board.selected }
        board.selectedPosition = boardWindowStart + board.selected
        screen.board = board
        return extendBoardIfNeeded()
    }

    /// Asks for the next or previous page when the selection is within a screen of the window's edge.
    mutating func extendBoardIfNeeded() -> [Effect] {
        guard !boardRequestInFlight else { return [] }
        let board = screen.board
        let margin = boardVisible * 2
        if !boardAtEnd, board.selected >= board.rows.count - margin, let last = board.rows.last {
            boardRequestInFlight = true
            return [.fetchBoard(board.query, .after(last), limit: Self.pageSize, generation: boardGeneration)]
        }
        if !boardAtStart, board.selected < margin, let first = board.rows.first {
            boardRequestInFlight = true
            return [.fetchBoard(board.query, .before(first), limit: Self.pageSize, generation: boardGeneration)]
        }
        return []
    }

    mutating func jumpBoard(toEnd: Bool) -> [Effect] {
        boardRequestInFlight = true
        screen.board.loading = true
        return [.fetchBoard(screen.board.query, toEnd ? .last : .first, limit: Self.pageSize, generation: boardGeneration)]
    }

    mutating func receiveBoardPage(_ generation: Int, _ anchor: PageAnchor, _ rows: [LoadSummary], limit: Int) -> [Effect] {
        guard generation == boardGeneration else { return [] }
        boardRequestInFlight = false
        var board = screen.board
        board.loading = false
        let short = rows.count < limit
        let visible = boardVisible
        switch anchor {
        case .first:
            board.rows = rows
            board.selected = 0
            board.top = 0
            boardAtStart = true
            boardAtEnd = short
            boardWindowStart = 0
        case .last:
            board.rows = rows
            board.selected = max(0, rows.count - 1)
            board.top = max(0, rows.count - visible)
            boardAtEnd = true
            boardAtStart = short
            boardWindowStart = max(0, (board.totalCount ?? rows.count) - rows.count)
        case .after:
            board.rows += rows
            boardAtEnd = short
            let excess = board.rows.count - Self.maxWindow
            if excess > 0 {
                board.rows.removeFirst(excess)
                board.selected -= excess
                board.top = max(0, board.top - excess)
                boardWindowStart += excess
                boardAtStart = false
            }
        case .before:
            board.rows = rows + board.rows
            board.selected += rows.count
            board.top += rows.count
            boardWindowStart = max(0, boardWindowStart - rows.count)
            boardAtStart = short
            let excess = board.rows.count - Self.maxWindow
            if excess > 0 {
                board.rows.removeLast(excess)
                boardAtEnd = false
            }
        case .from:
            let selectedId = board.selectedRow?.id
            board.rows = rows
            boardAtEnd = short
            if let selectedId, let index = rows.firstIndex(where: { $0.id == selectedId }) {
                board.selected = index
            }
            board.selected = min(board.selected, max(0, rows.count - 1))
            board.top = min(board.top, max(0, rows.count - 1))
        }
        if board.selected >= board.top + visible { board.top = board.selected - visible + 1 }
        board.selectedPosition = rows.isEmpty && board.rows.isEmpty ? nil : boardWindowStart + board.selected
        screen.board = board
        var effects = boardStale ? refreshBoard() : extendBoardIfNeeded()
        if screen.pane == .map { effects.append(.fetchMap(selected: board.selectedRow)) }
        if totalsWanted {
            totalsWanted = false
            effects.append(.fetchTotals(board.query, selected: nil, generation: boardGeneration))
        }
        return effects
    }

    mutating func receiveTotals(_ generation: Int, count: Int, average: Int64, position: Int?) {
        guard generation == boardGeneration else { return }
        totalsFilters = screen.board.query.ignoringSort
        screen.board.totalCount = count
        screen.board.averageRatePerMileCents = average
        if let position, screen.board.selectedRow != nil {
            boardWindowStart = max(0, position - screen.board.selected)
            screen.board.selectedPosition = position
        }
    }

    mutating func cycleSort() -> [Effect] {
        let all = BoardSort.allCases
        let index = all.firstIndex(of: screen.board.query.sort) ?? 0
        screen.board.query.sort = all[(index + 1) % all.count]
        screen.flash = Flash(.info, "sorted by \(screen.board.query.sort.label)")
        return reloadBoard()
    }
}
