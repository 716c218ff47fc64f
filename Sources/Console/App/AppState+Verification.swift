import Foundation
import Domain
import Views

/// The verification pane: filter, sort and detail over the carriers in memory.
extension AppState {
    mutating func performOnCarriers(_ action: Action) -> [Effect] {
        var v = screen.verification
        switch action {
        case .filter:
            screen.dialog = .carrierFilter(carrierFilterForm(v.filter))
            return []
        case .clearFilter:
            guard v.filter.isActive else { return [] }
            v.filter = CarrierFilter(sort: v.filter.sort, descending: v.filter.descending)
            screen.flash = Flash(.info, "carrier filter cleared")
        case .cycleSort:
            let all = CarrierFilter.Sort.allCases
            v.filter.sort = all[((all.firstIndex(of: v.filter.sort) ?? 0) + 1) % all.count]
            screen.flash = Flash(.info, "carriers sorted by \(v.filter.sort.label)")
        case .reverseSort:
            v.filter.descending.toggle()
        case .select:
            guard v.carriers.indices.contains(v.selected) else { return [] }
            screen.dialog = .carrierDetail(CarrierDetailState(carrier: v.carriers[v.selected]))
            return []
        default:
            return performOnList(action)
        }
        v.refilter(now: screen.now)
        screen.verification = v
        return []
    }

    func carrierFilterForm(_ filter: CarrierFilter) -> FormState {
        FormState(title: "Filter carriers", fields: [
            .init(label: "Search", value: filter.text, placeholder: "name, id, DOT or MC"),
            .init(label: "Verdict", value: filter.verdict?.rawValue ?? "", placeholder: "ok, warn, do-not-use (any)"),
            .init(label: "Flagged only", value: filter.flaggedOnly ? "yes" : "", placeholder: "yes or no"),
        ])
    }

    /// Tab moves between fields, Enter applies when every field reads; a bad value stays, with its error.
    mutating func handleCarrierFilter(_ key: Key, _ form: inout FormState) {
        guard !AppState.moveOrEdit(&form, key) else { return }
        var filter = screen.verification.filter
        filter.text = form.fields[0].value.trimmingCharacters(in: .whitespaces)
        switch CarrierFilter.verdict(fromInput: form.fields[1].value) {
        case .success(let verdict): filter.verdict = verdict
        case .failure(let error): form.fields[1].error = error.message
        }
        switch form.fields[2].value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "no", "n": filter.flaggedOnly = false
        case "yes", "y": filter.flaggedOnly = true
        default: form.fields[2].error = "yes or no"
        }
        if let bad = form.fields.firstIndex(where: { $0.error != nil }) {
            form.focused = bad
            return
        }
        screen.dialog = nil
        screen.verification.filter = filter
        screen.verification.selected = 0
        screen.verification.top = 0
        screen.verification.refilter(now: screen.now)
        screen.flash = Flash(.info, "\(Format.count(screen.verification.carriers.count)) carriers match")
    }
}
