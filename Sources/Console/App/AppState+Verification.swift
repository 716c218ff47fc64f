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
        case .newCarrier:
            guard requireDispatcher(to: "add carriers") else { return [] }
            var form = FormState(title: "Add a carrier", fields: [
                .init(label: "DOT number", placeholder: "e.g. 1234567"),
                .init(label: "MC number", placeholder: "e.g. 123456 (DOT or MC is enough)"),
                .init(label: "Name", placeholder: "optional: FMCSA's legal name replaces it"),
            ])
            form.footer = " Tab next field  Enter add (do-not-use until FMCSA verifies it)  Esc cancel"
            screen.dialog = .carrierForm(form)
            return []
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

    /// The add-carrier form: a DOT or an MC number, checked in place; a number already on file is named.
    mutating func handleCarrierForm(_ key: Key, _ form: inout FormState) -> [Effect] {
        guard !AppState.moveOrEdit(&form, key) else { return [] }
        for index in form.fields.indices { form.fields[index].error = nil }
        let dotText = form.fields[0].value.trimmingCharacters(in: .whitespaces)
        let mcText = form.fields[1].value.trimmingCharacters(in: .whitespaces)
        let name = form.fields[2].value.trimmingCharacters(in: .whitespaces)
        let dot = dotText.isEmpty ? nil : FleetID.dotNumber(dotText)
        let mc = mcText.isEmpty ? nil : FleetID.mcNumber(mcText)
        if !dotText.isEmpty, dot == nil { form.fields[0].error = "not a DOT number (1 to 8 digits)" }
        if !mcText.isEmpty, mc == nil { form.fields[1].error = "not an MC number (1 to 8 digits)" }
        if dotText.isEmpty, mcText.isEmpty { form.fields[0].error = "a DOT or an MC number is required" }
        if !name.isEmpty, let problem = LoadRules.textProblem(name, limit: 80) { form.fields[2].error = problem }
        if let same = screen.verification.all.first(where: { (dot != nil && $0.dotNumber == dot) || (mc != nil && $0.mcNumber == mc) }) {
            form.fields[dot != nil && same.dotNumber == dot ? 0 : 1].error = "already on file: \(same.id) \(same.name)"
        }
        if let bad = form.fields.firstIndex(where: { $0.error != nil }) {
            form.focused = bad
            return []
        }
        screen.dialog = nil
        return [.mutate(.addCarrier(.init(carrierId: FleetID.carrier(), dotNumber: dot, mcNumber: mc,
                                          name: name.isEmpty ? nil : name, at: screen.now)))]
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
