import Foundation
import Domain
import Views

/// The board's filter form: every field parsed by `BoardQuery.Input`, errors kept under the
/// field with what was typed, and a city radius looked up in the mirror before it applies.
extension AppState {
    enum FilterField: Int, CaseIterable {
        case text, status, origin, destination, equipment, pickupFrom, pickupTo, minRate, maxWeight, maxLength, fullLoad, age
    }

    func filterForm() -> FormState {
        let q = screen.board.query
        func day(_ t: Int64?) -> String { t.map(Format.isoDate) ?? "" }
        return FormState(title: "Filter loads", fields: [
            .init(label: "Search", value: q.text ?? "", placeholder: "ref, shipper, commodity, city"),
            .init(label: "Status", value: q.openWork == true ? "open" : q.status?.rawValue ?? "",
                  placeholder: "any, open (posted+assigned from today), posted, X3…"),
            .init(label: "Origin", value: q.origin?.input ?? "", placeholder: "TX, or Dallas, TX 150 (radius mi)"),
            .init(label: "Destination", value: q.destination?.input ?? "", placeholder: "CA, or Fresno, CA 100"),
            .init(label: "Equipment", value: q.equipment.joined(separator: ", "), placeholder: "any (V, R, F, DT…)"),
            .init(label: "Pickup from", value: day(q.pickupFrom), placeholder: "2026-11-25, 11/25, today, +2"),
            .init(label: "Pickup to", value: day(q.pickupTo.map { $0 - 86_399 }), placeholder: "same forms"),
            .init(label: "Min $/mile", value: q.minRatePerMileCents.map(Money.plain) ?? "", placeholder: "e.g. 2.50"),
            .init(label: "Max weight", value: q.maxWeightLbs.map(String.init) ?? "", placeholder: "lb, e.g. 40000 or 40k"),
            .init(label: "Max length", value: q.maxLengthFt.map(String.init) ?? "", placeholder: "ft, e.g. 48"),
            .init(label: "Full/partial", value: q.fullLoad.map { $0 ? "full" : "partial" } ?? "", placeholder: "any"),
            .init(label: "Posted within", value: q.maxAgeMinutes.map { "\($0)m" } ?? "", placeholder: "e.g. 90m, 24h, 2d"),
        ])
    }

    /// The form's values as a query, or the form with an error under each bad field.
    func parseFilter(_ form: inout FormState) -> BoardQuery? {
        var query = screen.board.query.cleared
        query.driverId = screen.board.query.driverId
        for index in form.fields.indices { form.fields[index].error = nil }
        let values = form.fields.map { $0.value.trimmingCharacters(in: .whitespaces) }
        func take<T>(_ field: FilterField, _ result: Result<T, BoardInputError>) -> T? {
            switch result {
            case .success(let value): return value
            case .failure(let error): form.fields[field.rawValue].error = error.message; return nil
            }
        }
        let text = values[FilterField.text.rawValue]
        query.text = text.isEmpty ? nil : String(text.prefix(100))
        if values[FilterField.status.rawValue].lowercased() == "open" {
            query.openWork = true
        } else {
            query.status = take(.status, BoardQuery.Input.status(values[FilterField.status.rawValue])) ?? nil
        }
        query.origin = take(.origin, PlaceFilter.parse(values[FilterField.origin.rawValue])) ?? nil
        query.destination = take(.destination, PlaceFilter.parse(values[FilterField.destination.rawValue])) ?? nil
        query.equipment = take(.equipment, BoardQuery.Input.equipment(values[FilterField.equipment.rawValue])) ?? []
        let now = screen.now
        query.pickupFrom = take(.pickupFrom, BoardQuery.Input.day(values[FilterField.pickupFrom.rawValue], now: now)) ?? nil
        query.pickupTo = (take(.pickupTo, BoardQuery.Input.day(values[FilterField.pickupTo.rawValue], now: now)) ?? nil)
            .map { $0 + 86_399 }
        if let from = query.pickupFrom, let to = query.pickupTo, to < from {
            form.fields[FilterField.pickupTo.rawValue].error = "ends before the pickup-from day"
        }
        query.minRatePerMileCents = take(.minRate, BoardQuery.Input.ratePerMile(values[FilterField.minRate.rawValue])) ?? nil
        query.maxWeightLbs = take(.maxWeight, BoardQuery.Input.weight(values[FilterField.maxWeight.rawValue])) ?? nil
        query.maxLengthFt = take(.maxLength, BoardQuery.Input.length(values[FilterField.maxLength.rawValue])) ?? nil
        query.fullLoad = take(.fullLoad, BoardQuery.Input.fullLoad(values[FilterField.fullLoad.rawValue])) ?? nil
        query.maxAgeMinutes = take(.age, BoardQuery.Input.age(values[FilterField.age.rawValue])) ?? nil
        if let bad = form.fields.firstIndex(where: { $0.error != nil }) {
            form.focused = bad
            return nil
        }
        return query
    }

    mutating func handleFilter(_ key: Key, _ form: inout FormState) -> [Effect] {
        guard !AppState.moveOrEdit(&form, key), let query = parseFilter(&form) else { return [] }
        if query.needsCenters {
            // The dialog stays open until the city is found, so a typo is fixed in place.
            screen.flash = Flash(.info, "looking up \(query.origin?.needsCenter == true ? query.origin?.label ?? "" : query.destination?.label ?? "")…")
            return [.resolveFilter(query)]
        }
        return applyFilter(query)
    }

    mutating func applyFilter(_ query: BoardQuery) -> [Effect] {
        if case .filter = screen.dialog { screen.dialog = nil }
        screen.flash = nil
        screen.board.query = query
        return reloadBoard()
    }

    /// The mirror's answer about a radius's city: apply, or say why under the field.
    mutating func receiveResolved(_ result: Result<BoardQuery, BoardInputError>) -> [Effect] {
        switch result {
        case .success(let query):
            guard case .filter = screen.dialog else { return [] }
            return applyFilter(query)
        case .failure(let error):
            screen.flash = nil
            guard case .filter(var form) = screen.dialog else {
                screen.flash = Flash(.error, error.message)
                return []
            }
            let origin = FilterField.origin.rawValue, destination = FilterField.destination.rawValue
            let field = error.field == "destination" ? destination : origin
            form.fields[field].error = error.message
            form.focused = field
            screen.dialog = .filter(form)
            return []
        }
    }
}
