import CNCursesW
import Views

extension Terminal {
    /// How the terminal's colour count maps theme colours (256, 16 or 8).
    var colorMapper: ColorMapper { ColorMapper(colors: usesColor ? Int(dispatch_COLORS()) : 0) }

    /// Defines one colour pair per role the theme colours and forgets the rest, then
    /// repaints everything (a role may have lost its colour). Does nothing without colour
    /// (`NO_COLOR` or a monochrome terminal): attributes carry the meaning there.
    func apply(_ theme: Theme) {
        rolePairs = [:]
        guard usesColor else { return }
        let mapper = colorMapper
        for (index, role) in StyleRole.allCases.enumerated() {
            guard let colors = theme.colors(for: role) else { continue }
            let number = Int32(index + 1)
            guard number < dispatch_COLOR_PAIRS() else { continue }
            // -1 keeps the terminal's own colour (use_default_colors).
            let fg = colors.fg.flatMap(mapper.index(for:)) ?? -1
            let bg = colors.bg.flatMap(mapper.index(for:)) ?? -1
            guard fg != -1 || bg != -1 else { continue }
            init_pair(Int16(number), Int16(fg), Int16(bg))
            rolePairs[role] = number
        }
        forceFullRedraw()
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
        return (attrs, usesColor ? rolePairs[style.role] ?? 0 : 0)
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
