/// Which stop a status report is about, and what it does there: the rules that let a load with
/// several pickups and deliveries be reported stop by stop.
///
/// - A stop code names its stop by index (`RecordStatus.stop`, 0-based); a report without one
///   (older clients) is about the next stop of its kind not yet done, which on a two-stop load
///   is the pickup or the delivery as before.
/// - X3, CP and AF are for pickups; X1, D1 and CD for deliveries; POD for the last delivery.
/// - The load's status follows its first pickup and its last delivery; a report at a stop in
///   between moves it to en route at most (the truck is on the road between them).
/// - Reports must be in time order along the stops: everything at stop 1 before stop 2's arrival.
public enum StopProgress {
    /// The stop `code` is about: `requested` checked against the load, or the one inferred.
    /// Nil for codes that are about no stop (dispatch, en route, delays, cancel, refusal).
    public static func stop(for code: StatusCode, requested: Int?, in load: Load) throws -> Int? {
        guard let kind = kind(of: code) else {
            if requested != nil {
                throw MutationRejection(.invalid, "\(code.rawValue) (\(code.label)) is not about one stop")
            }
            return nil
        }
        let stops = load.stops
        guard let index = requested ?? inferred(code, kind, stops) else {
            throw MutationRejection(.invalid, "\(load.id) has no \(kind == .pickup ? "pickup" : "delivery") stop")
        }
        guard stops.indices.contains(index) else {
            throw MutationRejection(.invalid, "stop \(index + 1): \(load.id) has \(stops.count) stops")
        }
        guard stops[index].kind == kind else {
            throw MutationRejection(.invalid, "stop \(index + 1) is a \(stops[index].kind == .pickup ? "pickup" : "delivery"): "
                                    + "\(code.rawValue) (\(code.label)) is for a \(kind == .pickup ? "pickup" : "delivery")")
        }
        if code == .delivered, index != lastDelivery(stops) {
            throw MutationRejection(.invalid, "proof of delivery is for the last delivery (stop \((lastDelivery(stops) ?? 0) + 1)); "
                                    + "use D1 (unloaded) at stop \(index + 1)")
        }
        return index
    }

    /// The status a report moves the load to: its own, except at a stop between the first pickup
    /// and the last delivery, where the load is en route at most.
    public static func target(of code: StatusCode, stop: Int?, in load: Load) -> LoadStatus? {
        guard let status = code.status else { return nil }
        guard let stop, stop != firstPickup(load.stops), stop != lastDelivery(load.stops) else { return status }
        return min(status, .enRoute)
    }

    /// Where a report sits along the load, as a range of positions: a report must not be later
    /// than one whose range lies wholly after its own. Nil: in no order (delays).
    public static func order(of code: StatusCode, stop: Int?, in load: Load) -> ClosedRange<Double>? {
        let first = Double(firstPickup(load.stops) ?? 0)
        let last = Double(lastDelivery(load.stops) ?? max(0, load.stops.count - 1))
        let stage: Double
        switch code {
        case .dispatched: return -10 ... -10
        case .enRoute: return (first * 10 + 2.5) ... (last * 10 - 0.5)
        case .cancelled, .refused: return 1e9 ... 1e9
        case .delayed: return nil
        case .arrivedPickup, .arrivedDelivery: stage = 0
        case .loaded, .unloaded: stage = 1
        case .departedPickup, .departedDelivery: stage = 2
        case .delivered: stage = 3
        }
        let index = Double(stop ?? Int(code.status.map { $0 >= .arrivedDelivery } == true ? last : first))
        return (index * 10 + stage) ... (index * 10 + stage)
    }

    /// What a driver confirms next, and at which stop: at the first pickup arrived, loaded,
    /// departed; at each stop between arrived and departed; at the last delivery arrived and
    /// delivered. Nil once the load is final.
    public static func next(for load: Load) -> (code: StatusCode, stop: Int?)? {
        guard !load.status.isFinal else { return nil }
        let stops = load.stops
        let first = firstPickup(stops), last = lastDelivery(stops)
        for (index, stop) in stops.enumerated() {
            if index == first {
                switch load.status {
                case .posted, .assigned, .dispatched: return (.arrivedPickup, index)
                case .arrivedPickup: return (.loaded, index)
                case .loaded: return (.departedPickup, index)
                default: continue
                }
            }
            if index == last {
                return load.status < .arrivedDelivery ? (.arrivedDelivery, index) : (.delivered, index)
            }
            if stop.arrivedAt == nil { return (stop.kind == .pickup ? .arrivedPickup : .arrivedDelivery, index) }
            if stop.departedAt == nil { return (stop.kind == .pickup ? .departedPickup : .departedDelivery, index) }
        }
        return nil
    }

    /// Writes the actual arrive/depart time onto the stop (the first report of each wins).
    public static func stamp(_ load: inout Load, code: StatusCode, stop: Int?, at: Int64) {
        guard let stop, load.stops.indices.contains(stop) else { return }
        switch code {
        case .arrivedPickup, .arrivedDelivery: load.stops[stop].arrivedAt = load.stops[stop].arrivedAt ?? at
        case .departedPickup, .departedDelivery, .delivered: load.stops[stop].departedAt = load.stops[stop].departedAt ?? at
        default: break
        }
    }

    static func kind(of code: StatusCode) -> Stop.Kind? {
        switch code {
        case .arrivedPickup, .loaded, .departedPickup: .pickup
        case .arrivedDelivery, .unloaded, .departedDelivery, .delivered: .delivery
        default: nil
        }
    }

    /// The next stop of `kind` not yet done for `code`: arriving, the first not arrived at;
    /// loading or unloading, the first arrived at and not left; leaving, the first not left.
    /// Past them all, the first pickup or the last delivery.
    static func inferred(_ code: StatusCode, _ kind: Stop.Kind, _ stops: [Stop]) -> Int? {
        let candidates = stops.indices.filter { stops[$0].kind == kind }
        let open: Int? = switch code {
        case .arrivedPickup, .arrivedDelivery: candidates.first { stops[$0].arrivedAt == nil }
        case .loaded, .unloaded: candidates.first { stops[$0].arrivedAt != nil && stops[$0].departedAt == nil }
        case .delivered: nil
        default: candidates.first { stops[$0].departedAt == nil }
        }
        return open ?? (kind == .pickup ? candidates.first : candidates.last)
    }

    static func firstPickup(_ stops: [Stop]) -> Int? { stops.firstIndex { $0.kind == .pickup } }
    static func lastDelivery(_ stops: [Stop]) -> Int? { stops.lastIndex { $0.kind == .delivery } }
}
