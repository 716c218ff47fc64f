import Domain

/// A page a window asks for: where it starts, how many rows, and the generation it belongs to
/// (a page of an older generation arrives late and is dropped).
public struct WindowRequest<Row: Sendable & Hashable>: Sendable, Hashable {
    public var anchor: PageAnchor<Row>
    public var limit: Int
    public var generation: Int
    public init(anchor: PageAnchor<Row>, limit: Int, generation: Int) {
        self.anchor = anchor
        self.limit = limit
        self.generation = generation
    }
}

/// A window of rows around the selection over a list too long to hold: keyset pages are asked
/// for as the selection nears an edge, and the far end is trimmed so at most `maxRows` are in
/// memory. The board and the payments pane each keep one; the queries behind them only answer
/// pages. Pure bookkeeping: every method says which page to fetch, and `receive` takes it.
public struct RowWindow<Row: Sendable & Hashable & Identifiable>: Sendable where Row.ID: Sendable {
    /// The loaded rows, in sort order.
    public var rows: [Row] = []
    /// Index of the selected row within `rows`.
    public var selected = 0
    /// Index within `rows` of the first row on screen.
    public var top = 0
    /// Position of `rows[0]` in the whole list.
    public private(set) var start = 0
    public private(set) var atStart = true
    public private(set) var atEnd = false
    /// Bumped by `reload`: pages of an older generation are dropped.
    public private(set) var generation = 0
    /// A page is in flight; no second one is asked for meanwhile.
    public private(set) var inFlight = false
    /// The list changed while a page was in flight: refresh once it arrives.
    public private(set) var stale = false
    public let pageSize: Int
    public let maxRows: Int

    public init(pageSize: Int = 100, maxRows: Int = 400) {
        self.pageSize = pageSize
        self.maxRows = max(maxRows, pageSize * 2)
    }

    public var selectedRow: Row? { rows.indices.contains(selected) ? rows[selected] : nil }
    /// The selection's position in the whole list, when there is one.
    public var selectedPosition: Int? { rows.isEmpty ? nil : start + selected }

    /// A new list (another query or filter): start again from its first row.
    public mutating func reload() -> WindowRequest<Row> {
        generation += 1
        stale = false
        return ask(.first, limit: pageSize)
    }

    /// The first or the last page of the list.
    public mutating func jump(toEnd: Bool) -> WindowRequest<Row> {
        ask(toEnd ? .last : .first, limit: pageSize)
    }

    /// The rows changed underneath: read the window again in place, keeping the selection.
    /// Nil while a page is in flight (the refresh is asked for when it arrives).
    public mutating func refresh(visible: Int) -> WindowRequest<Row>? {
        guard !inFlight else {
            stale = true
            return nil
        }
        stale = false
        guard let first = rows.first else { return reload() }
        return ask(.from(first), limit: max(rows.count, visible + 20))
    }

    /// Moves the selection by `delta` rows, scrolling so it stays among `visible` rows on screen.
    public mutating func move(by delta: Int, visible: Int) -> WindowRequest<Row>? {
        guard !rows.isEmpty else { return nil }
        let visible = max(1, visible)
        selected = min(max(0, selected + delta), rows.count - 1)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, min(top, max(0, rows.count - visible)))
        if selected < top { top = selected }
        return extendIfNeeded(visible: visible)
    }

    /// The next or previous page when the selection is within two screens of the window's edge.
    public mutating func extendIfNeeded(visible: Int) -> WindowRequest<Row>? {
        guard !inFlight else { return nil }
        let margin = max(1, visible) * 2
        if !atEnd, selected >= rows.count - margin, let last = rows.last {
            return ask(.after(last), limit: pageSize)
        }
        if !atStart, selected < margin, let first = rows.first {
            return ask(.before(first), limit: pageSize)
        }
        return nil
    }

    /// Takes a page asked for by `request`. Returns false (and changes nothing) for a page of an
    /// older generation. `total`, when known, places a last page in the whole list.
    @discardableResult
    public mutating func receive(_ page: [Row], for request: WindowRequest<Row>, visible: Int, total: Int? = nil) -> Bool {
        guard request.generation == generation else { return false }
        inFlight = false
        let short = page.count < request.limit
        let visible = max(1, visible)
        switch request.anchor {
        case .first:
            rows = page
            selected = 0
            top = 0
            atStart = true
            atEnd = short
            start = 0
        case .last:
            rows = page
            selected = max(0, page.count - 1)
            top = max(0, page.count - visible)
            atEnd = true
            atStart = short
            start = max(0, (total ?? page.count) - page.count)
        case .after:
            rows += page
            atEnd = short
            let excess = rows.count - maxRows
            if excess > 0 {
                rows.removeFirst(excess)
                selected -= excess
                top = max(0, top - excess)
                start += excess
                atStart = false
            }
        case .before:
            rows = page + rows
            selected += page.count
            top += page.count
            start = max(0, start - page.count)
            atStart = short
            let excess = rows.count - maxRows
            if excess > 0 {
                rows.removeLast(excess)
                atEnd = false
            }
        case .from:
            let selectedId = selectedRow?.id
            rows = page
            atEnd = short
            if let selectedId, let index = page.firstIndex(where: { $0.id == selectedId }) {
                selected = index
            }
            selected = min(selected, max(0, page.count - 1))
            top = min(top, max(0, page.count - 1))
        }
        if selected >= top + visible { top = selected - visible + 1 }
        return true
    }

    /// What to ask for after a page arrived: the refresh that waited for it, or the next page.
    public mutating func followUp(visible: Int) -> WindowRequest<Row>? {
        stale ? refresh(visible: visible) : extendIfNeeded(visible: visible)
    }

    /// The whole list's position of the selected row became known (counted by the store).
    public mutating func place(selectedAt position: Int) {
        guard selectedRow != nil else { return }
        start = max(0, position - selected)
    }

    private mutating func ask(_ anchor: PageAnchor<Row>, limit: Int) -> WindowRequest<Row> {
        inFlight = true
        return WindowRequest(anchor: anchor, limit: limit, generation: generation)
    }
}
