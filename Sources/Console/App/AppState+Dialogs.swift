import Foundation
import Domain
import Views

/// Keys while a dialog is open: forms keep what was typed until it is valid or dismissed.
extension AppState {
    func filterForm() -> FormState {
        let q = screen.board.query
        return FormState(title: "Filter loads", fields: [
            .init(label: "Status", value: q.status?.rawValue ?? "", placeholder: "any (posted, assigned, X3…)"),
            .init(label: "Origin state", value: q.originState ?? "", placeholder: "any (e.g. TX)"),
            .init(label: "Equipment", value: q.equipment ?? "", placeholder: "any (V, R, F, DT…)"),
            .init(label: "Min $/mile", value: q.minRatePerMileCents.map(Money.plain) ?? "", placeholder: "e.g. 2.50"),
        ])
    }

    mutating func openAssign() -> [Effect] {
        guard role == .dispatcher, let row = screen.board.selectedRow else {
            if role != .dispatcher { screen.flash = Flash(.error, "only a dispatcher can assign loads") }
            return []
        }
        guard row.status == .posted else {
            screen.flash = Flash(.error, "\(row.id) is \(row.status.label)\(row.driverId.map { " to \($0)" } ?? ""), not posted")
            return []
        }
        let assign = AssignState(load: row)
        screen.dialog = .assign(assign)
        return [.fetchCandidates(loadId: row.id, maxDeadheadMiles: Int(assign.radiusField) ?? 250)]
    }

    mutating func handleDialog(_ key: Key) -> [Effect] {
        guard let dialog = screen.dialog else { return [] }
        if key == .escape || key == .ctrl("c") {
            screen.dialog = nil
            return []
        }
        switch dialog {
        case .help:
            screen.dialog = nil
            return []
        case .filter(var form):
            let effects = handleFilter(key, &form)
            if case .filter = screen.dialog { screen.dialog = .filter(form) }
            return effects
        case .assign(var assign):
            let effects = handleAssign(key, &assign)
            if case .assign = screen.dialog { screen.dialog = .assign(assign) }
            return effects
        case .confirm(let confirm):
            switch key {
            case .char("y"), .char("Y"), .enter:
                screen.dialog = nil
                return confirmed(confirm.action)
            case .char("n"), .char("N"): screen.dialog = nil
            default: break
            }
            return []
        case .delay(var delay):
            let reasons = DelayReason.allCases
            switch key {
            case .up, .char("k"): delay.selected = max(0, delay.selected - 1)
            case .down, .char("j"): delay.selected = min(reasons.count - 1, delay.selected + 1)
            case .enter:
                screen.dialog = nil
                return recordStatus(.delayed, loadId: delay.loadId, reason: reasons[delay.selected])
            default: break
            }
            if case .delay = screen.dialog { screen.dialog = .delay(delay) }
            return []
        }
    }

    func confirmed(_ action: ConfirmAction) -> [Effect] {
        switch action {
        case .unassign(let loadId): [.mutate(.unassignLoad(.init(loadId: loadId)))]
        case .discardConflict(let id): [.discardConflict(id)]
        }
    }

    /// Edits a text value: printable characters append, Backspace deletes.
    static func edit(_ value: inout String, _ key: Key) -> Bool {
        switch key {
        case .char(let c) where !c.isNewline: value.append(c); return true
        case .backspace, .delete: if !value.isEmpty { value.removeLast() }; return true
        default: return false
        }
    }

    mutating func handleFilter(_ key: Key, _ form: inout FormState) -> [Effect] {
        switch key {
        case .tab, .down: form.focused = (form.focused + 1) % form.fields.count
        case .backTab, .up: form.focused = (form.focused + form.fields.count - 1) % form.fields.count
        case .enter:
            var query = screen.board.query
            for index in form.fields.indices { form.fields[index].error = nil }
            let values = form.fields.map { $0.value.trimmingCharacters(in: .whitespaces) }
            if values[0].isEmpty { query.status = nil }
            else if let status = LoadStatus(userInput: values[0]) { query.status = status }
            else { form.fields[0].error = "unknown status; try posted, assigned, X3, X1, POD" }
            if values[1].isEmpty { query.originState = nil }
            else if values[1].count == 2, values[1].allSatisfy(\.isLetter) { query.originState = values[1].uppercased() }
            else { form.fields[1].error = "a two-letter state code, e.g. TX" }
            if values[2].isEmpty { query.equipment = nil }
            else if let equipment = Equipment.named(values[2]) { query.equipment = equipment.code }
            else { form.fields[2].error = "unknown equipment; e.g. V, R, F, SD, DT" }
            if values[3].isEmpty { query.minRatePerMileCents = nil }
            else if let cents = Money.parseCents(values[3]) { query.minRatePerMileCents = cents }
            else { form.fields[3].error = "not a number: dollars, e.g. 2.50" }
            if let bad = form.fields.firstIndex(where: { $0.error != nil }) {
                form.focused = bad
                return []
            }
            screen.dialog = nil
            screen.board.query = query
            return reloadBoard()
        default:
            _ = AppState.edit(&form.fields[form.focused].value, key)
            form.fields[form.focused].error = nil
        }
        return []
    }

    mutating func handleAssign(_ key: Key, _ assign: inout AssignState) -> [Effect] {
        switch key {
        case .tab: assign.focus = (assign.focus + 1) % 3; return []
        case .backTab: assign.focus = (assign.focus + 2) % 3; return []
        default: break
        }
        if assign.focus == 0 {
            switch key {
            case .up, .char("k"): assign.selected = max(0, assign.selected - 1)
            case .down, .char("j"): assign.selected = min(max(0, assign.candidates.count - 1), assign.selected + 1)
            case .pageDown: assign.selected = min(max(0, assign.candidates.count - 1), assign.selected + 10)
            case .pageUp: assign.selected = max(0, assign.selected - 10)
            case .enter:
                guard assign.candidates.indices.contains(assign.selected) else {
                    assign.error = "no driver selected: widen the deadhead radius or type a driver id"
                    return []
                }
                return finishAssign(assign.load.id, assign.candidates[assign.selected].driver.id)
            default: break
            }
            return []
        }
        if key == .enter {
            if assign.focus == 2 {
                let text = assign.radiusField.trimmingCharacters(in: .whitespaces)
                guard let miles = Int(text), miles > 0, miles <= 3_000 else {
                    assign.error = "max deadhead must be a whole number of miles between 1 and 3000"
                    return []
                }
                assign.error = nil
                assign.loading = true
                return [.fetchCandidates(loadId: assign.load.id, maxDeadheadMiles: miles)]
            }
            let typed = assign.driverField.trimmingCharacters(in: .whitespaces)
            guard !typed.isEmpty else { assign.error = "type a driver id such as D-45"; return [] }
            return finishAssign(assign.load.id, Session.driverId(typed))
        }
        if assign.focus == 1 { _ = AppState.edit(&assign.driverField, key) } else { _ = AppState.edit(&assign.radiusField, key) }
        assign.error = nil
        return []
    }

    mutating func finishAssign(_ loadId: String, _ driverId: String) -> [Effect] {
        screen.dialog = nil
        return [.mutate(.assignLoad(.init(loadId: loadId, driverId: driverId)))]
    }

    mutating func handleCommandLine(_ key: Key) -> [Effect] {
        guard var line = screen.commandLine else { return [] }
        switch key {
        case .escape, .ctrl("c"):
            screen.commandLine = nil
            return []
        case .enter:
            screen.commandLine = nil
            return runCommand(line)
        default:
            if key == .backspace, line.isEmpty { screen.commandLine = nil; return [] }
            _ = AppState.edit(&line, key)
            screen.commandLine = line
            return []
        }
    }

    /// `:assign L-1 D-2`, `:unassign L-1`, `:sort rpm`, `:sync`, `:q`, `:loads` / `:map` / …
    mutating func runCommand(_ line: String) -> [Effect] {
        let words = line.split(separator: " ").map(String.init)
        guard let verb = words.first?.lowercased() else { return [] }
        switch (verb, words.count) {
        case ("q", 1), ("quit", 1): quitting = true; return []
        case ("sync", 1): return perform(.syncNow)
        case ("assign", 3):
            guard role == .dispatcher else { screen.flash = Flash(.error, "only a dispatcher can assign loads"); return [] }
            return [.mutate(.assignLoad(.init(loadId: Session.loadId(words[1]), driverId: Session.driverId(words[2]))))]
        case ("unassign", 2): return [.mutate(.unassignLoad(.init(loadId: Session.loadId(words[1]))))]
        case ("sort", 2):
            guard let sort = BoardSort(rawValue: words[1].lowercased()) else {
                screen.flash = Flash(.error, "sort by pickup, rpm or origin")
                return []
            }
            screen.board.query.sort = sort
            return reloadBoard()
        default:
            if words.count == 1, let pane = Pane.tabs(for: role).first(where: {
                $0.title.lowercased().hasPrefix(verb) || $0.rawValue.lowercased().hasPrefix(verb)
            }) {
                return show(pane)
            }
            screen.flash = Flash(.error, "unknown command ':\(line)'; try :assign L-1 D-2, :unassign L-1, :sort rpm, :sync, :q")
            return []
        }
    }
}
