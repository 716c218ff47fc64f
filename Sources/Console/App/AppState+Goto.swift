import Domain
import Views

/// `:goto PANE` and `:theme NAME`.
extension AppState {
    /// Names `:goto` accepts for a pane (the first is the one Tab offers first).
    static func names(of pane: Pane) -> [String] {
        switch pane {
        case .board: ["board", "loads"]
        case .map: ["map"]
        case .verification: ["carriers", "verification"]
        case .payments: ["payments"]
        case .outbox: ["outbox", "conflicts"]
        case .driverLoads: ["myloads", "loads"]
        }
    }

    /// Pane names and tab numbers for the role.
    static func gotoWords(role: Role) -> [String] {
        let tabs = Pane.tabs(for: role)
        return tabs.flatMap(names(of:)) + tabs.indices.map { String($0 + 1) }
    }

    /// The pane a `:goto` word means for the role: a tab number, a name or a unique prefix of one.
    static func pane(for word: String, role: Role) -> Pane? {
        let text = word.lowercased()
        let tabs = Pane.tabs(for: role)
        if let number = Int(text) { return tabs.indices.contains(number - 1) ? tabs[number - 1] : nil }
        if let exact = tabs.first(where: { names(of: $0).contains(text) }) { return exact }
        let prefixed = tabs.filter { pane in names(of: pane).contains { $0.hasPrefix(text) } }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// `:goto map`, `:goto 3`, `:goto L-123` (opens the load).
    mutating func runGoto(_ word: String) -> [Effect] {
        if let pane = AppState.pane(for: word, role: role) {
            screen.flash = nil
            return show(pane)
        }
        if word.uppercased().hasPrefix("L-"), role != .driver {
            return openDetail(Session.loadId(word))
        }
        let tabs = Pane.tabs(for: role)
        let choices = tabs.enumerated().map { "\($0.offset + 1) \(AppState.names(of: $0.element)[0])" }
        screen.flash = Flash(.error, "no pane '\(word)'; :goto one of \(choices.joined(separator: ", "))"
                             + (role == .driver ? "" : ", or a load id such as L-12"))
        return []
    }

    /// `:theme` lists the themes; `:theme NAME` switches (the UI loop repaints with it).
    mutating func runThemeCommand(_ name: String?) -> [Effect] {
        guard let name else {
            let list = themes.names.map { $0 == theme.name ? "\($0) (in use)" : $0 }.joined(separator: ", ")
            var text = "themes: \(list); :theme NAME switches"
            if let problem = themes.problems.first { text += "; skipped \(problem)" }
            screen.flash = Flash(.info, text)
            return []
        }
        guard let chosen = themes.theme(named: name) else {
            screen.flash = Flash(.error, themes.problem(for: name)?.description ?? themes.unknown(name))
            return []
        }
        theme = chosen
        screen.flash = Flash(.info, colorEnabled ? "theme \(chosen.name)"
                             : "theme \(chosen.name) (no colour shown: NO_COLOR is set or the terminal has none)")
        return []
    }
}
