/// Where a keyset page starts, for any list paged in a fixed sort order (the board's loads,
/// the payments pane's payouts and invoices).
public enum PageAnchor<Row: Sendable & Hashable>: Sendable, Hashable {
    case first
    case last
    /// Rows strictly after this row in sort order.
    case after(Row)
    /// Rows strictly before this row in sort order (returned in sort order).
    case before(Row)
    /// This row and the ones after it (refreshing a window in place).
    case from(Row)
}

/// A board page's anchor.
public typealias BoardAnchor = PageAnchor<LoadSummary>
