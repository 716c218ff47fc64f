import Foundation
import Domain
import Views

/// Posting (`n`), editing (`e`), cancelling (`x`) and tendering (`T`) loads from the board or the
/// detail view. Forms read what was typed with `LoadDraft`, the same reader as the CLI's flags.
extension AppState {
    mutating func openNewLoad() -> [Effect] {
        guard requireDispatcher(to: "post loads") else { return [] }
        screen.dialog = .loadForm(LoadFormState(purpose: .post(loadId: LoadID.new()), draft: LoadDraft()))
        return []
    }

    /// Asks the mirror for the full load; the form opens when it answers.
    mutating func openEditLoad(_ loadId: String) -> [Effect] {
        guard requireDispatcher(to: "edit loads") else { return [] }
        return [.fetchLoadToEdit(loadId: loadId)]
    }

    mutating func receiveLoadToEdit(_ loadId: String, _ load: Load?) -> [Effect] {
        guard let load else {
            screen.flash = Flash(.error, "\(loadId) is no longer in your mirror")
            return []
        }
        if LoadEditPolicy.allowed(in: load.status).isEmpty {
            screen.flash = Flash(.error, "\(load.id) is \(load.status.label); its terms can no longer change")
            return []
        }
        screen.dialog = .loadForm(LoadFormState(purpose: .edit(load), draft: LoadDraft(load)))
        return []
    }

    mutating func handleLoadForm(_ key: Key, _ state: inout LoadFormState) -> [Effect] {
        switch key {
        case .tab where state.completeCity(): return []
        case .ctrl("a"):
            if !state.addStop() { screen.flash = Flash(.error, "a load has at most \(LoadFormState.maxStops) stops") }
            return []
        case .ctrl("d"):
            if !state.removeFocusedStop() {
                screen.flash = Flash(.error, state.focusedStop == nil ? "move to a stop's field to drop it" : "a load has at least 2 stops")
            }
            return []
        default: break
        }
        guard !AppState.moveOrEdit(&state.form, key) else { return [] }
        let now = screen.now
        let terms: Mutation.LoadTerms
        switch state.draft.terms(now: now) {
        case .success(let value): terms = value
        case .failure(let problems):
            state.show(problems)
            return []
        }
        switch state.purpose {
        case .post(let loadId):
            screen.dialog = nil
            screen.flash = Flash(.info, "posting \(loadId) \(terms.lane)…")
            return [.mutate(.postLoad(.init(loadId: loadId, terms: terms, at: now)))]
        case .edit(let load):
            let edit = Mutation.EditLoad(load: load, terms: terms)
            if edit.seen.changes(to: terms).isEmpty {
                screen.flash = Flash(.info, "nothing changed")
                screen.dialog = nil
                return []
            }
            if let refusal = LoadEditPolicy.refusal(of: edit.seen, to: terms, load: load) {
                screen.flash = Flash(.error, refusal)
                return []
            }
            screen.dialog = nil
            return [.mutate(.editLoad(edit))]
        }
    }

    mutating func openCancel(_ row: LoadSummary) -> [Effect] {
        guard requireDispatcher(to: "cancel loads") else { return [] }
        guard row.status < .arrivedPickup else {
            screen.flash = Flash(.error, "\(row.id) is \(row.status.label); only a load not yet picked up can be cancelled")
            return []
        }
        let about = "\(row.reference), \(row.originCity), \(row.originState) → \(row.destCity), \(row.destState)"
            + (row.driverId.map { ", assigned to \($0)" } ?? "")
        screen.dialog = .cancelLoad(CancelLoadState(loadId: row.id, about: about))
        return []
    }

    mutating func handleCancel(_ key: Key, _ cancel: inout CancelLoadState) -> [Effect] {
        let count = CancelReason.allCases.count
        switch key {
        case .tab, .backTab: cancel.focus = 1 - cancel.focus; return []
        case .up where cancel.focus == 0, .char("k") where cancel.focus == 0: cancel.selected = max(0, cancel.selected - 1)
        case .down where cancel.focus == 0, .char("j") where cancel.focus == 0: cancel.selected = min(count - 1, cancel.selected + 1)
        case .enter:
            let note = cancel.note.trimmingCharacters(in: .whitespaces)
            if cancel.reason == .other, note.isEmpty {
                cancel.error = "say why when the reason is 'other'"
                cancel.focus = 1
                return []
            }
            if let problem = LoadRules.textProblem(note, limit: 200, required: false) {
                cancel.error = "note " + problem
                cancel.focus = 1
                return []
            }
            screen.dialog = nil
            return [.mutate(.cancelLoad(.init(eventId: "E-" + UUID().uuidString.lowercased(), loadId: cancel.loadId,
                                              reason: cancel.reason, note: note.isEmpty ? nil : note, at: screen.now)))]
        default:
            if cancel.focus == 1, AppState.edit(&cancel.note, key) { cancel.error = nil }
        }
        return []
    }

    mutating func openTender(_ row: LoadSummary) -> [Effect] {
        guard requireDispatcher(to: "tender loads") else { return [] }
        guard row.status == .assigned else {
            screen.flash = Flash(.error, row.status == .posted ? "\(row.id) has no carrier yet; assign it first (a)"
                                 : "\(row.id) is \(row.status.label), not assigned")
            return []
        }
        screen.dialog = .confirm(ConfirmState(
            title: "Tender \(row.id)?",
            message: "\(row.id) is dispatched (X12 DP) to the carrier of \(row.driverId ?? "its driver").",
            action: .tender(loadId: row.id)))
        return []
    }

    /// Flashes why not when the user is not a dispatcher.
    mutating func requireDispatcher(to action: String) -> Bool {
        guard role == .dispatcher else {
            screen.flash = Flash(.error, "only a dispatcher can \(action)")
            return false
        }
        return true
    }
}
