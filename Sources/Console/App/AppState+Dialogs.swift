import Foundation
import Domain
import Views

/// Keys while a dialog is open: forms keep what was typed until it is valid or dismissed.
extension AppState {
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
        case .filter(let form):
            return step(dialog, form, Dialog.filter) { $0.handleFilter(key, &$1) }
        case .assign(let assign):
            return step(dialog, assign, Dialog.assign) { $0.handleAssign(key, &$1) }
        case .confirm(let confirm):
            switch key {
            case .char("y"), .char("Y"), .enter:
                screen.dialog = nil
                return confirmed(confirm.action)
            case .char("n"), .char("N"): screen.dialog = nil
            default: break
            }
            return []
        case .carrierFilter(let form):
            return step(dialog, form, Dialog.carrierFilter) { app, form in
                app.handleCarrierFilter(key, &form)
                return []
            }
        case .carrierDetail(var detail):
            switch key {
            case .up, .char("k"): detail.scroll = max(0, detail.scroll - 1)
            case .down, .char("j"): detail.scroll += 1
            case .enter, .char("q"): screen.dialog = nil; return []
            default: break
            }
            screen.dialog = .carrierDetail(detail)
            return []
        case .loadDetail(let detail):
            return step(dialog, detail, Dialog.loadDetail) { $0.handleDetail(key, &$1) }
        case .statusConfirm(let confirm):
            return step(dialog, confirm, Dialog.statusConfirm) { $0.handleStatusConfirm(key, &$1) }
        case .payoutAction(let action):
            return step(dialog, action, Dialog.payoutAction) { $0.handlePayoutAction(key, &$1) }
        case .loadForm(let state):
            return step(dialog, state, Dialog.loadForm) { $0.handleLoadForm(key, &$1) }
        case .carrierForm(let form):
            return step(dialog, form, Dialog.carrierForm) { $0.handleCarrierForm(key, &$1) }
        case .cancelLoad(let cancel):
            return step(dialog, cancel, Dialog.cancelLoad) { $0.handleCancel(key, &$1) }
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

    /// The one path every dialog's keys take: its handler edits a copy of the dialog's state and
    /// may submit (returning effects) or close it (setting `screen.dialog`, to nil or another
    /// dialog); if it left the dialog as it was, the edited state is put back.
    mutating func step<State>(_ dialog: Dialog, _ state: State, _ wrap: (State) -> Dialog,
                              _ handle: (inout AppState, inout State) -> [Effect]) -> [Effect] {
        var state = state
        let effects = handle(&self, &state)
        if screen.dialog == dialog { screen.dialog = wrap(state) }
        return effects
    }

    func confirmed(_ action: ConfirmAction) -> [Effect] {
        switch action {
        case .unassign(let loadId): [.mutate(.unassignLoad(.init(loadId: loadId)))]
        case .tender(let loadId):
            [.mutate(.tenderLoad(.init(eventId: "E-" + UUID().uuidString.lowercased(), loadId: loadId, at: screen.now)))]
        case .discardConflict(let id): [.discardConflict(id)]
        }
    }

    /// The keys every form shares: Tab/↓ and Shift-Tab/↑ move between fields, other keys edit the
    /// focused one (clearing its error). Returns false for a key the form's own handler decides (Enter).
    static func moveOrEdit(_ form: inout FormState, _ key: Key) -> Bool {
        switch key {
        case .tab, .down: form.focused = (form.focused + 1) % form.fields.count
        case .backTab, .up: form.focused = (form.focused + form.fields.count - 1) % form.fields.count
        case .enter: return false
        default:
            _ = edit(&form.fields[form.focused].value, key)
            form.fields[form.focused].error = nil
        }
        return true
    }

    /// Edits a text value: printable characters append, Backspace deletes.
    static func edit(_ value: inout String, _ key: Key) -> Bool {
        switch key {
        case .char(let c) where !c.isNewline: value.append(c); return true
        case .backspace, .delete: if !value.isEmpty { value.removeLast() }; return true
        default: return false
        }
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
            guard let sort = BoardSort(userInput: words[1]) else {
                screen.flash = Flash(.error, "sort by one of: \(BoardSort.choices)")
                return []
            }
            screen.board.query.sort = sort
            return reloadBoard()
        case ("view", _), ("views", 1):
            return runViewCommand(Array(words.dropFirst()))
        case ("near", 2), ("near", 3):
            let miles = words.count == 3 ? Int(words[2]) : 150
            guard let miles, (1...1_000).contains(miles) else {
                screen.flash = Flash(.error, "radius must be 1–1000 miles, e.g. :near D-45 150")
                return []
            }
            return [.findDriver(driverId: Session.driverId(words[1]), miles: miles)]
        case ("follow", 2):
            screen.map.follow = Session.driverId(words[1])
            screen.flash = Flash(.info, "following \(screen.map.follow ?? "")")
            return show(.map)
        case ("open", 2), ("detail", 2):
            return openDetail(Session.loadId(words[1]))
        case ("theme", 1), ("theme", 2), ("themes", 1):
            return runThemeCommand(words.count == 2 ? words[1] : nil)
        case ("goto", 2), ("go", 2):
            return runGoto(words[1])
        default:
            if words.count == 1, let pane = Pane.tabs(for: role).first(where: {
                $0.title.lowercased().hasPrefix(verb) || $0.rawValue.lowercased().hasPrefix(verb)
            }) {
                return show(pane)
            }
            screen.flash = Flash(.error, "unknown command ':\(line)'; try :assign L-1 D-2, :open L-1, :goto map, :near D-2 150, :view save NAME, :sort rpm, :theme NAME, :sync, :q (Tab completes)")
            return []
        }
    }
}
