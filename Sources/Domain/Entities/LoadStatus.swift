import Foundation
/// Where a load is in its life, following the X12 214 shipment status codes.
///
/// The forward states are ordered: a load only ever moves to a later one. The
/// side states (cancelled, refused) end the life of a load; a delay (SD) is an
/// event recorded beside the status, not a status of its own.
public enum LoadStatus: String, Codable, Sendable, CaseIterable, Comparable {
    case posted
    case assigned
    case dispatched
    case arrivedPickup = "X3"
    case loaded = "CP"
    case departedPickup = "AF"
    case enRoute = "X6"
    case arrivedDelivery = "X1"
    case unloaded = "D1"
    case departedDelivery = "CD"
    case delivered = "POD"
    case cancelled = "CA"
    case refused = "A7"

    /// Position in the forward life; side states sit after every forward state.
    public var rank: Int {
        switch self {
        case .posted: 0
        case .assigned: 1
        case .dispatched: 2
        case .arrivedPickup: 3
        case .loaded: 4
        case .departedPickup: 5
        case .enRoute: 6
        case .arrivedDelivery: 7
        case .unloaded: 8
        case .departedDelivery: 9
        case .delivered: 10
        case .cancelled: 11
        case .refused: 12
        }
    }

    public static func < (lhs: LoadStatus, rhs: LoadStatus) -> Bool { lhs.rank < rhs.rank }

    /// A load in a final state takes no more status events.
    public var isFinal: Bool { self == .delivered || self == .cancelled || self == .refused }

    /// Short label for tables (fits 10 columns).
    public var label: String {
        switch self {
        case .posted: "posted"
        case .assigned: "assigned"
        case .dispatched: "dispatched"
        case .arrivedPickup: "at pickup"
        case .loaded: "loaded"
        case .departedPickup: "departed"
        case .enRoute: "en route"
        case .arrivedDelivery: "at deliv"
        case .unloaded: "unloaded"
        case .departedDelivery: "left deliv"
        case .delivered: "delivered"
        case .cancelled: "cancelled"
        case .refused: "refused"
        }
    }

    /// Accepts the raw code (`X3`), the case name (`arrivedPickup`) or the label (`at pickup`).
    public init?(userInput: String) {
        let text = userInput.trimmingCharacters(in: .whitespaces)
        if let exact = LoadStatus(rawValue: text) ?? LoadStatus(rawValue: text.uppercased()) {
            self = exact
            return
        }
        let lowered = text.lowercased()
        guard let match = LoadStatus.allCases.first(where: {
            String(describing: $0).lowercased() == lowered || $0.label == lowered
        }) else { return nil }
        self = match
    }
}

/// X12 1651 shipment status reason codes used with a delay (SD) event.
public enum DelayReason: String, Codable, Sendable, CaseIterable {
    case missedDelivery = "A1"
    case missedPickup = "AY"
    case driverRelated = "AH"
    case mechanicalBreakdown = "AI"
    case weather = "AO"
    case consigneeClosed = "B1"

    public var label: String {
        switch self {
        case .missedDelivery: "missed delivery"
        case .missedPickup: "missed pickup"
        case .driverRelated: "driver related"
        case .mechanicalBreakdown: "mechanical breakdown"
        case .weather: "weather"
        case .consigneeClosed: "consignee closed"
        }
    }
}

extension Load {
    /// Driver mode's order: the load in progress first, then the next ones by pickup, then
    /// history, newest first.
    public static func driverOrder(_ loads: [Load]) -> [Load] {
        func group(_ load: Load) -> Int {
            if load.status.isFinal { return 2 }
            return load.status > .dispatched ? 0 : 1
        }
        return loads.sorted { a, b in
            let (ga, gb) = (group(a), group(b))
            if ga != gb { return ga < gb }
            let (pa, pb) = (a.pickup?.windowStart ?? 0, b.pickup?.windowStart ?? 0)
            if pa != pb { return ga == 2 ? pa > pb : pa < pb }
            return a.id < b.id
        }
    }
}
