import CNCursesW
import Views

extension Terminal {
    /// Foreground and background per role; -1 keeps the terminal's own colour
    /// (`use_default_colors`). Attributes carry the meaning; colour only helps.
    static func colors(for role: StyleRole) -> (fg: Int32, bg: Int32)? {
        let fg: Int32 = -1, bg: Int32 = -1
        switch role {
        case .normal, .selected, .header, .input: return nil
        case .title: return (Int32(COLOR_CYAN), bg)
        case .pending: return (Int32(COLOR_YELLOW), bg)
        case .ok: return (Int32(COLOR_GREEN), bg)
        case .warn: return (Int32(COLOR_YELLOW), bg)
        case .danger, .error: return (Int32(COLOR_RED), bg)
        case .muted: return dispatch_COLORS() >= 256 ? (244, bg) : (fg, bg)
        case .accent: return (Int32(COLOR_CYAN), bg)
        case .border: return (Int32(COLOR_BLUE), bg)
        case .statusBar: return (Int32(COLOR_WHITE), Int32(COLOR_BLUE))
        case .statusOnline: return (Int32(COLOR_GREEN), Int32(COLOR_BLUE))
        case .statusOffline: return (Int32(COLOR_WHITE), Int32(COLOR_RED))
        case .mapDriver: return (Int32(COLOR_CYAN), bg)
        case .mapPickup: return (Int32(COLOR_GREEN), bg)
        case .mapDelivery: return (Int32(COLOR_MAGENTA), bg)
        }
    }

    /// Pair number of a role: its position in `StyleRole.allCases` plus one (0 is the default pair).
    static func pair(for role: StyleRole) -> Int32 {
        guard colors(for: role) != nil, let index = StyleRole.allCases.firstIndex(of: role) else { return 0 }
        return Int32(index + 1)
    }

    static func definePairs() {
        for role in StyleRole.allCases {
            guard let (fg, bg) = colors(for: role) else { continue }
            let number = pair(for: role)
            guard number < dispatch_COLOR_PAIRS() else { continue }
            init_pair(Int16(number), Int16(fg), Int16(bg))
        }
    }

    /// curses attributes and colour pair for a style; without colour only the attributes remain.
    func attributes(for style: Style) -> (attr_t, Int32) {
        var attrs = dispatch_A_NORMAL()
        if style.bold { attrs |= dispatch_A_BOLD() }
        if style.underline { attrs |= dispatch_A_UNDERLINE() }
        if style.reverse { attrs |= dispatch_A_REVERSE() }
        if style.dim { attrs |= dispatch_A_DIM() }
        // Without colour only these attributes remain; the views never rely on colour alone
        // (the active tab is reverse+bold, states carry words), so nothing is added here.
        return (attrs, usesColor ? Terminal.pair(for: style.role) : 0)
    }

    /// ASCII stand-ins for a non-UTF-8 locale, where box drawing and symbols come out as garbage.
    static func ascii(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII }) { return text }
        switch text {
        case "─", "━", "═": return "-"
        case "│", "┃", "║", "▏": return "|"
        case "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼": return "+"
        case "●", "█", "■", "⧗": return "#"
        case "○", "□": return "o"
        case "░", "·": return "."
        case "▲", "↑": return "^"
        case "▼", "↓": return "v"
        case "→", "▶": return ">"
        case "←", "◀": return "<"
        case "…": return "~"
        case "—", "–": return "-"
        default: return "?"
        }
    }
}
