import Domain

/// Line 0: the app title and the numbered panes, the active one in reverse bold
/// (so it reads without colour).
public enum TabBar {
    static func draw(_ state: ScreenState, y: Int, into buffer: inout CellBuffer) {
        let width = buffer.width
        buffer.put(String(repeating: " ", count: width), x: 0, y: y, style: .role(.statusBar))
        var x = buffer.put(" dispatch ", x: 0, y: y, style: Style(role: .title, bold: true))
        x += 1
        for (index, pane) in Pane.tabs(for: state.session.role).enumerated() {
            let label = " \(index + 1) \(pane.title) "
            let active = pane == state.pane
            let style = active ? Style(role: .accent, bold: true, reverse: true) : Style(role: .statusBar)
            guard x + DisplayWidth.of(label) <= width else { break }
            x += buffer.put(label, x: x, y: y, style: style)
        }
        // Who and where, right-aligned when there is room.
        let who = "\(state.session.user)@\(state.session.server) "
        let whoWidth = DisplayWidth.of(who)
        if x + whoWidth + 2 <= width {
            buffer.put(who, x: width - whoWidth, y: y, style: Style(role: .statusBar, dim: true))
        }
    }
}

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
