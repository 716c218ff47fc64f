/// A key press as the Terminal decodes it, independent of curses.
public enum Key: Sendable, Hashable {
    case char(Character)
    /// Control plus a letter, lower-cased: Ctrl-C is `.ctrl("c")`.
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    /// The terminal changed size; the Terminal has already updated its size.
    case resize
    /// A left click at a screen column and line (only with `--mouse`).
    case mouse(x: Int, y: Int)
    /// The mouse wheel (only with `--mouse`).
    case scrollUp, scrollDown

    /// How help shows the key.
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case let .char(c): String(c)
        case let .ctrl(c): "Ctrl-" + String(c).uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case let .function(n): "F\(n)"
        case .resize: "resize"
        case .mouse: "click"
        case .scrollUp: "wheel up"
        case .scrollDown: "wheel down"
        }
    }
}
