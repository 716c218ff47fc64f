import Foundation
/// One status report for a load: append-only, and its id is the idempotency key.
///
/// The server derives a load's status from its events, so events recorded
/// offline on two terminals merge as a set union.
public struct StatusEvent: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var loadId: String
    public var code: StatusCode
    public var reason: DelayReason?
    /// When it happened (seconds since 1970, UTC), as the reporter said.
    public var at: Int64
    public var lat: Double?
    public var lon: Double?
    public var note: String?
    public var recordedBy: String
    /// Proof of delivery: who signed for the freight (POD events; absent in older rows).
    public var podSigner: String?
    /// The stop it happened at (0-based; absent in older rows and for codes about no stop).
    public var stop: Int?

    public init(id: String, loadId: String, code: StatusCode, reason: DelayReason? = nil, at: Int64,
                lat: Double? = nil, lon: Double? = nil, note: String? = nil, recordedBy: String,
                podSigner: String? = nil, stop: Int? = nil) {
        self.podSigner = podSigner
        self.stop = stop
        self.id = id
        self.loadId = loadId
        self.code = code
        self.reason = reason
        self.at = at
        self.lat = lat
        self.lon = lon
        self.note = note
        self.recordedBy = recordedBy
    }
}

/// The X12 214 codes a status event may carry.
public enum StatusCode: String, Codable, Sendable, CaseIterable {
    case dispatched = "DP"
    case arrivedPickup = "X3"
    case loaded = "CP"
    case departedPickup = "AF"
    case enRoute = "X6"
    case arrivedDelivery = "X1"
    case unloaded = "D1"
    case departedDelivery = "CD"
    case delivered = "POD"
    case delayed = "SD"
    case cancelled = "CA"
    case refused = "A7"

    /// The status this event moves the load to; nil for a delay, which changes no status.
    public var status: LoadStatus? {
        switch self {
        case .dispatched: .dispatched
        case .arrivedPickup: .arrivedPickup
        case .loaded: .loaded
        case .departedPickup: .departedPickup
        case .enRoute: .enRoute
        case .arrivedDelivery: .arrivedDelivery
        case .unloaded: .unloaded
        case .departedDelivery: .departedDelivery
        case .delivered: .delivered
        case .cancelled: .cancelled
        case .refused: .refused
        case .delayed: nil
        }
    }

    public var label: String { status?.label ?? "delayed" }

    /// Accepts the code (`X3`) or the status name (`arrivedPickup`, `at pickup`).
    public init?(userInput: String) {
        let text = userInput.trimmingCharacters(in: .whitespaces)
        if let code = StatusCode(rawValue: text.uppercased()) {
            self = code
        } else if text.lowercased() == "delayed" {
            self = .delayed
        } else if let status = LoadStatus(userInput: text),
                  let code = StatusCode.allCases.first(where: { $0.status == status }) {
            self = code
        } else {
            return nil
        }
    }
}

extension StatusEvent {
    /// History order: by time, and within one second (times are whole seconds, and a driver can
    /// confirm two stops in one) by the lifecycle, so `loaded` never lists before `arrived`.
    public static func chronological(_ a: StatusEvent, _ b: StatusEvent) -> Bool {
        if a.at != b.at { return a.at < b.at }
        // In one second, along the stops first (stop 2's arrival after stop 1's departure), then
        // the lifecycle; a report without a stop counts as at the pickup or at the delivery side.
        let rankA = StatusCode.allCases.firstIndex(of: a.code) ?? 0
        let rankB = StatusCode.allCases.firstIndex(of: b.code) ?? 0
        let deliverySide = StatusCode.allCases.firstIndex(of: .arrivedDelivery) ?? 0
        let stopA = a.stop ?? (rankA < deliverySide ? 0 : 1_000)
        let stopB = b.stop ?? (rankB < deliverySide ? 0 : 1_000)
        if stopA != stopB { return stopA < stopB }
        return rankA != rankB ? rankA < rankB : a.id < b.id
    }
}
