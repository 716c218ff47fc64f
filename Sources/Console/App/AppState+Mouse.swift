import Domain
import Views

/// Clicks and the wheel (only reported with `--mouse`): a click on a tab shows the pane,
/// a click on a row of the board, carriers or payments selects it, the wheel moves the
/// selection (zooms on the map).
extension AppState {
    /// Rows the wheel moves per notch.
    static let wheelStep = 3

    mutating func handleMouse(_ key: Key) -> [Effect] {
        // The command line and dialogs keep the keyboard's focus; the mouse does not reach under them.
        guard screen.commandLine == nil, screen.dialog == nil else { return [] }
        switch key {
        case .scrollUp, .scrollDown:
            screen.flash = nil
            let up = key == .scrollUp
            if screen.pane == .map { return perform(up ? .zoomIn : .zoomOut) }
            var effects: [Effect] = []
            for _ in 0..<AppState.wheelStep { effects += perform(up ? .up : .down) }
            return effects
        case .mouse(let x, let y):
            if y == Screen.tabBarLine, let pane = TabBar.pane(atColumn: x, state: screen) {
                screen.flash = nil
                return show(pane)
            }
            guard let index = Screen.listRow(atLine: y, state: screen) else { return [] }
            screen.flash = nil
            switch screen.pane {
            case .board: return moveBoard(by: index - screen.board.selected)
            case .verification: return step(by: index - screen.verification.selected)
            case .payments: return step(by: index - screen.payments.selected)
            case .map, .outbox, .driverLoads: return []
            }
        default:
            return []
        }
    }

    /// Moves a list's selection as the arrow keys would, so scrolling stays consistent.
    mutating func step(by delta: Int) -> [Effect] {
        var effects: [Effect] = []
        for _ in 0..<abs(delta) { effects += perform(delta < 0 ? .up : .down) }
        return effects
    }
}
