/// Which of a load's terms may still change, by where the load is in its life.
///
/// Posted: everything. Covered (assigned or tendered): not what the truck was chosen for
/// (equipment, hazmat, full or partial, shipper, the stops' cities); unassign it first.
/// On the road: the reference, the rate and the windows of stops not yet reached.
/// Delivered, cancelled or refused: nothing.
public enum LoadEditPolicy {
    public enum Part: String, Sendable, CaseIterable {
        case shipper, reference, commodity, equipment, fullLoad = "full/partial", weight, length, hazmat, rate
        case stops = "stop cities"
        case windows = "stop windows"
        case addresses
    }

    /// The parts that differ between two sets of terms.
    public static func parts(from old: Mutation.LoadTerms, to new: Mutation.LoadTerms) -> [Part] {
        var parts: [Part] = []
        if old.shipper != new.shipper { parts.append(.shipper) }
        if old.reference != new.reference { parts.append(.reference) }
        if old.commodity != new.commodity { parts.append(.commodity) }
        if old.equipment.uppercased() != new.equipment.uppercased() { parts.append(.equipment) }
        if old.fullLoad != new.fullLoad { parts.append(.fullLoad) }
        if old.weightLbs != new.weightLbs { parts.append(.weight) }
        if old.lengthFt != new.lengthFt { parts.append(.length) }
        if old.hazmat != new.hazmat { parts.append(.hazmat) }
        if old.rateCents != new.rateCents || old.rateKind != new.rateKind { parts.append(.rate) }
        let sameStops = old.stops.count == new.stops.count
            && zip(old.stops, new.stops).allSatisfy { $0.kind == $1.kind && City.find($0.city) == City.find($1.city) }
        if !sameStops { parts.append(.stops) }
        if old.stops.map(\.address) != new.stops.map(\.address) { parts.append(.addresses) }
        if sameStops, zip(old.stops, new.stops).contains(where: { ($0.windowStart, $0.windowEnd) != ($1.windowStart, $1.windowEnd) }) {
            parts.append(.windows)
        }
        return parts
    }

    /// The parts a load in `status` lets change.
    public static func allowed(in status: LoadStatus) -> Set<Part> {
        switch status {
        case .posted: Set(Part.allCases)
        case .assigned, .dispatched: [.reference, .commodity, .weight, .length, .rate, .windows, .addresses]
        case .arrivedPickup, .loaded, .departedPickup, .enRoute, .arrivedDelivery, .unloaded, .departedDelivery:
            [.reference, .rate, .windows]
        case .delivered, .cancelled, .refused: []
        }
    }

    /// Why the change from `old` to `new` is refused for `load`, or nil when it may be made.
    public static func refusal(of old: Mutation.LoadTerms, to new: Mutation.LoadTerms, load: Load) -> String? {
        let allowed = allowed(in: load.status)
        if allowed.isEmpty { return "\(load.id) is \(load.status.label); its terms can no longer change" }
        if let part = parts(from: old, to: new).first(where: { !allowed.contains($0) }) {
            let hint = load.status <= .dispatched ? " (unassign it first)" : ""
            return "\(load.id) is \(load.status.label): its \(part.rawValue) can no longer change\(hint)"
        }
        // A stop the truck has reached keeps the window it was run against.
        if load.status > .dispatched {
            for (index, (before, after)) in zip(old.stops, new.stops).enumerated()
            where index < load.stops.count && load.stops[index].arrivedAt != nil
                && (before.windowStart, before.windowEnd) != (after.windowStart, after.windowEnd) {
                return "stop \(index + 1) was already reached; its window can no longer change"
            }
        }
        return nil
    }
}
