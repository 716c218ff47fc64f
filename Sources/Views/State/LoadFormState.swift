import Domain
import Foundation

/// The new-load and edit-load form: a `FormState` whose fields are a `LoadDraft`'s, four per stop.
/// What was typed stays in the fields until it posts or the form is dismissed; problems go under
/// the fields they are about.
public struct LoadFormState: Sendable, Hashable {
    public enum Purpose: Sendable, Hashable {
        /// A new load, with the id it will be posted as (chosen when the form opened).
        case post(loadId: String)
        /// An edit of the load as the user saw it when the form opened.
        case edit(Load)
    }

    public var purpose: Purpose
    public var form: FormState
    public private(set) var stopCount: Int

    static let termLabels = ["Shipper", "Reference", "Commodity", "Equipment", "Weight (lbs)", "Length (ft)",
                             "Full/partial", "Hazmat", "Rate ($)", "Rate per"]
    static let placeholders = ["e.g. Lone Star Paper", "BOL or PO number", "e.g. paper rolls",
                               Equipment.all.prefix(8).map(\.code).joined(separator: " ") + " …", "e.g. 42000",
                               "53", "full or partial", "no or yes", "e.g. 2400 or 2.75", "flat, mile, ton or hour"]
    static let perStop = 4
    public static let maxStops = LoadRules.stopCount.upperBound

    public init(purpose: Purpose, draft: LoadDraft) {
        self.purpose = purpose
        var draft = draft
        while draft.stops.count < 2 {
            draft.stops.append(.init(kind: draft.stops.isEmpty ? "pickup" : "delivery", city: "", window: ""))
        }
        stopCount = draft.stops.count
        let title: String = switch purpose {
        case .post: "Post a load"
        case .edit(let load): "Edit \(load.id) (\(load.status.label))"
        }
        form = FormState(title: title, fields: LoadFormState.fields(draft))
        let verb = if case .post = purpose { "post" } else { "save" }
        form.footer = " Tab next (completes a city)  Ctrl-A add stop  Ctrl-D drop stop  Enter \(verb)  Esc cancel"
    }

    static func fields(_ draft: LoadDraft) -> [FormState.Field] {
        let values = [draft.shipper, draft.reference, draft.commodity, draft.equipment, draft.weight, draft.length,
                      draft.load, draft.hazmat, draft.rate, draft.rateKind]
        var fields = zip(termLabels, zip(values, placeholders)).map {
            FormState.Field(label: $0.0, value: $0.1.0, placeholder: $0.1.1)
        }
        for (index, stop) in draft.stops.enumerated() { fields += stopFields(index + 1, stop) }
        return fields
    }

    static func stopFields(_ n: Int, _ stop: LoadDraft.StopDraft) -> [FormState.Field] {
        [
            .init(label: "Stop \(n)", value: stop.kind, placeholder: "pickup or delivery"),
            .init(label: "  city", value: stop.city, placeholder: "Dallas, TX or a ZIP; Tab completes"),
            .init(label: "  window", value: stop.window, placeholder: "12/04 08:00-10:00 (local time)"),
            .init(label: "  address", value: stop.address ?? "", placeholder: "optional"),
        ]
    }

    /// The fields read back as a draft.
    public var draft: LoadDraft {
        let v = form.fields.map(\.value)
        var draft = LoadDraft()
        draft.shipper = v[0]; draft.reference = v[1]; draft.commodity = v[2]; draft.equipment = v[3]
        draft.weight = v[4]; draft.length = v[5]; draft.load = v[6]; draft.hazmat = v[7]
        draft.rate = v[8]; draft.rateKind = v[9]
        draft.stops = (0..<stopCount).map { i in
            let at = LoadFormState.termLabels.count + i * LoadFormState.perStop
            let address = v[at + 3].trimmingCharacters(in: .whitespaces)
            return LoadDraft.StopDraft(kind: v[at], city: v[at + 1], window: v[at + 2], address: address.isEmpty ? nil : address)
        }
        return draft
    }

    /// The stop (1-based) the focused field belongs to, if any.
    public var focusedStop: Int? {
        let offset = form.focused - LoadFormState.termLabels.count
        return offset >= 0 ? offset / LoadFormState.perStop + 1 : nil
    }

    /// Whether the focused field is a stop's city (where Tab completes).
    public var focusOnCity: Bool {
        let offset = form.focused - LoadFormState.termLabels.count
        return offset >= 0 && offset % LoadFormState.perStop == 1
    }

    /// Adds a stop after the focused one (or before the last), a delivery unless it follows the first pickup.
    public mutating func addStop() -> Bool {
        guard stopCount < LoadFormState.maxStops else { return false }
        let after = min(focusedStop ?? (stopCount - 1), stopCount - 1)
        var draft = self.draft
        let kind = after == 0 ? "pickup" : "delivery"
        draft.stops.insert(.init(kind: kind, city: "", window: ""), at: after)
        rebuild(draft, focus: LoadFormState.termLabels.count + after * LoadFormState.perStop + 1)
        return true
    }

    /// Drops the focused stop when more than two remain.
    public mutating func removeFocusedStop() -> Bool {
        guard let stop = focusedStop, stopCount > 2 else { return false }
        var draft = self.draft
        draft.stops.remove(at: stop - 1)
        rebuild(draft, focus: LoadFormState.termLabels.count + (min(stop, draft.stops.count) - 1) * LoadFormState.perStop)
        return true
    }

    private mutating func rebuild(_ draft: LoadDraft, focus: Int) {
        stopCount = draft.stops.count
        form.fields = LoadFormState.fields(draft)
        form.focused = min(focus, form.fields.count - 1)
    }

    /// Completes the focused city to the busiest city that starts with what was typed; false when
    /// there is nothing to complete (already a city, or no match), so Tab moves on.
    public mutating func completeCity() -> Bool {
        guard focusOnCity else { return false }
        let typed = form.fields[form.focused].value
        guard !typed.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
        if let city = City.find(typed) {
            // A city already: Tab writes it as the board does ("memphis" → "Memphis, TN") and stays,
            // so the user sees what it resolved to; once it reads so, Tab moves on.
            guard typed != city.place else { return false }
            form.fields[form.focused].value = city.place
            form.fields[form.focused].error = nil
            return true
        }
        let matches = City.completions(of: typed, limit: 3)
        guard let best = matches.first else {
            form.fields[form.focused].error = "no city starts with '\(typed.prefix(20))'"
            return true
        }
        form.fields[form.focused].value = best.place
        form.fields[form.focused].error = nil
        return true
    }

    /// Puts each problem under its field and focuses the first.
    public mutating func show(_ problems: LoadDraft.Problems) {
        for index in form.fields.indices { form.fields[index].error = nil }
        for problem in problems.all {
            guard let index = fieldIndex(problem.field) else { continue }
            if form.fields[index].error == nil { form.fields[index].error = problem.message }
        }
        if let first = form.fields.firstIndex(where: { $0.error != nil }) { form.focused = first }
    }

    func fieldIndex(_ field: LoadDraft.Field) -> Int? {
        let stopBase = LoadFormState.termLabels.count
        func stop(_ n: Int, _ offset: Int) -> Int? { n >= 1 && n <= stopCount ? stopBase + (n - 1) * LoadFormState.perStop + offset : nil }
        switch field {
        case .terms(.shipper): return 0
        case .terms(.reference): return 1
        case .terms(.commodity): return 2
        case .terms(.equipment): return 3
        case .terms(.weight): return 4
        case .terms(.length): return 5
        case .load: return 6
        case .hazmat: return 7
        case .terms(.rate): return 8
        case .rateKind: return 9
        // "the last stop must be a delivery" goes under that stop's kind.
        case .terms(.stops): return stop(stopCount, 0)
        case .stopKind(let n): return stop(n, 0)
        case .terms(.stopCity(let n)): return stop(n, 1)
        case .terms(.stopWindow(let n)): return stop(n, 2)
        case .terms(.stopAddress(let n)): return stop(n, 3)
        }
    }
}
