import Domain

/// The rendering entry point: one `ScreenState` in, one full frame out, no side effects.
///
/// Layout: line 0 tab bar, then the pane, then a message line (flash, command
/// line or hints), then the status bar. Dialogs are drawn last, centred, and
/// recomputed from the current size so they survive a resize.
public enum Screen {
    /// Lines above and below a pane: tab bar, message line, status bar.
    static let chromeLines = 3

    /// A full frame of `state.width` x `state.height`.
    public static func render(_ state: ScreenState) -> CellBuffer {
        var buffer = CellBuffer(width: state.width, height: state.height)
        let glyphs = Glyphs.for(asciiOnly: state.asciiOnly)
        let minimum = state.minimumSize
        guard state.width >= minimum.width, state.height >= minimum.height else {
            drawTooSmall(state, into: &buffer)
            return buffer
        }
        TabBar.draw(state, y: 0, into: &buffer)
        let area = paneRect(width: state.width, height: state.height)
        switch state.pane {
        case .board: BoardView.draw(state, in: area, into: &buffer, glyphs: glyphs)
        case .map: MapView.draw(state, in: area, into: &buffer, glyphs: glyphs)
        case .verification: VerificationView.draw(state, in: area, into: &buffer, glyphs: glyphs)
        case .payments: PaymentsView.draw(state, in: area, into: &buffer, glyphs: glyphs)
        case .outbox: OutboxView.draw(state, in: area, into: &buffer, glyphs: glyphs)
        case .driverLoads: DriverLoadsView.draw(state, in: area, into: &buffer, glyphs: glyphs)
        }
        MessageLine.draw(state, y: state.height - 2, into: &buffer, glyphs: glyphs)
        StatusBar.draw(state, y: state.height - 1, into: &buffer, glyphs: glyphs)
        if let dialog = state.dialog {
            DialogView.draw(dialog, state: state, into: &buffer, glyphs: glyphs)
        }
        return buffer
    }

    /// Rows of the board table visible for a given screen height (for paging).
    public static func boardVisibleRows(height: Int) -> Int {
        max(0, height - chromeLines - BoardView.headerLines)
    }

    /// Rows of the carriers and outbox lists visible for a given screen height (for paging).
    public static func listVisibleRows(height: Int) -> Int {
        max(0, height - chromeLines - VerificationView.headerLines)
    }

    /// Rows of the list of the pane in force; payments shows fewer because the aging bars and
    /// its totals sit above its table.
    public static func visibleRows(_ state: ScreenState) -> Int {
        switch state.pane {
        case .board: boardVisibleRows(height: state.height)
        case .payments: max(0, state.height - chromeLines - PaymentsView.headerLines(state))
        case .verification, .outbox, .map, .driverLoads: listVisibleRows(height: state.height)
        }
    }

    /// Where the pane goes: between the tab bar and the message line.
    static func paneRect(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 1, width: width, height: max(0, height - chromeLines))
    }

    static func drawTooSmall(_ state: ScreenState, into buffer: inout CellBuffer) {
        let minimum = state.minimumSize
        let message = "Terminal too small: \(state.width)x\(state.height) — dispatch needs at least "
            + "\(minimum.width)x\(minimum.height) (resize or press q)"
        let lines = wrap(state.asciiOnly ? message.replacingDash() : message, width: max(1, state.width))
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (state.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, style: Style(role: .warn, bold: true))
        }
    }

    /// Word-wraps text to `width` columns (words longer than a line are cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let w = String(word)
            let candidate = current.isEmpty ? w : current + " " + w
            if DisplayWidth.of(candidate) <= width {
                current = candidate
            } else {
                if !current.isEmpty { lines.append(current) }
                current = DisplayWidth.truncate(w, to: width, ellipsis: false)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

extension String {
    /// The em dash has no ASCII twin; a hyphen reads the same.
    func replacingDash() -> String { split(separator: "—", omittingEmptySubsequences: false).joined(separator: "-") }
}
