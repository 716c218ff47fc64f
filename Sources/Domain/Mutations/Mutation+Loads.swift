import Foundation
extension Mutation {
    /// A stop as the poster gives it: a city the rules resolve to a position, and an appointment
    /// window (seconds since 1970, UTC; forms and the CLI read it in the city's local time).
    public struct StopPlan: Codable, Sendable, Hashable {
        public var kind: Stop.Kind
        /// "Kansas City, MO" or a ZIP code the city table knows.
        public var city: String
        public var address: String?
        public var windowStart: Int64
        public var windowEnd: Int64

        public init(kind: Stop.Kind, city: String, address: String? = nil, windowStart: Int64, windowEnd: Int64) {
            self.kind = kind
            self.city = city
            self.address = address
            self.windowStart = windowStart
            self.windowEnd = windowEnd
        }

        /// The plan of a stop as it stands, to edit.
        public init(_ stop: Stop) {
            self.init(kind: stop.kind, city: stop.place, address: stop.address,
                      windowStart: stop.windowStart, windowEnd: stop.windowEnd)
        }
    }

    /// What a load is made of, as a poster enters it; both posting and editing carry one.
    public struct LoadTerms: Codable, Sendable, Hashable {
        public var shipper: String
        public var reference: String
        public var commodity: String
        public var equipment: String
        public var fullLoad: Bool
        public var weightLbs: Int
        public var lengthFt: Int
        public var hazmat: Bool
        /// The rate in cents per the kind's unit: the whole haul for flat, per mile, per ton or per hour.
        public var rateCents: Int64
        public var rateKind: RateKind
        public var stops: [StopPlan]

        public init(shipper: String, reference: String, commodity: String, equipment: String, fullLoad: Bool = true,
                    weightLbs: Int, lengthFt: Int, hazmat: Bool = false, rateCents: Int64, rateKind: RateKind,
                    stops: [StopPlan]) {
            self.shipper = shipper
            self.reference = reference
            self.commodity = commodity
            self.equipment = equipment
            self.fullLoad = fullLoad
            self.weightLbs = weightLbs
            self.lengthFt = lengthFt
            self.hazmat = hazmat
            self.rateCents = rateCents
            self.rateKind = rateKind
            self.stops = stops
        }

        /// The terms of a load as it stands, to edit.
        public init(_ load: Load) {
            self.init(shipper: load.shipper, reference: load.reference, commodity: load.commodity,
                      equipment: load.equipment, fullLoad: load.fullLoad, weightLbs: load.weightLbs,
                      lengthFt: load.lengthFt, hazmat: load.hazmat, rateCents: load.unitRateCents ?? load.rateCents,
                      rateKind: load.unitRateCents == nil ? .flat : load.rateKind, stops: load.stops.map(StopPlan.init))
        }
    }

    /// Puts a new load on the board. The load id is chosen on the device (`LoadID`), so a load
    /// posted offline keeps its id; posting the same id again with the same shipper and
    /// reference is the same load (a retried import), with anything else it is refused.
    public struct PostLoad: Codable, Sendable, Hashable {
        public var loadId: String
        public var terms: LoadTerms
        public var at: Int64

        public init(loadId: String, terms: LoadTerms, at: Int64) {
            self.loadId = loadId
            self.terms = terms
            self.at = at
        }
    }

    /// Changes a load's terms. Carries the version the user saw and the terms as they saw them,
    /// so a load that moved on since is refused as stale, naming what changed.
    public struct EditLoad: Codable, Sendable, Hashable {
        public var loadId: String
        public var seenVersion: Int64
        public var seen: LoadTerms
        public var terms: LoadTerms

        public init(loadId: String, seenVersion: Int64, seen: LoadTerms, terms: LoadTerms) {
            self.loadId = loadId
            self.seenVersion = seenVersion
            self.seen = seen
            self.terms = terms
        }

        /// An edit of `load` as the user sees it now.
        public init(load: Load, terms: LoadTerms) {
            self.init(loadId: load.id, seenVersion: load.version, seen: LoadTerms(load), terms: terms)
        }
    }

    /// Cancels a load before pickup (X12 CA), with the reason; the event id is the idempotency key.
    public struct CancelLoad: Codable, Sendable, Hashable {
        public var eventId: String
        public var loadId: String
        public var reason: CancelReason
        public var note: String?
        public var at: Int64

        public init(eventId: String, loadId: String, reason: CancelReason, note: String? = nil, at: Int64) {
            self.eventId = eventId
            self.loadId = loadId
            self.reason = reason
            self.note = note
            self.at = at
        }
    }

    /// Tenders (dispatches, X12 DP) an assigned load to its carrier.
    public struct TenderLoad: Codable, Sendable, Hashable {
        public var eventId: String
        public var loadId: String
        public var at: Int64

        public init(eventId: String, loadId: String, at: Int64) {
            self.eventId = eventId
            self.loadId = loadId
            self.at = at
        }
    }

    /// Records where the truck is and its ETA at the next stop.
    public struct RecordCheckCall: Codable, Sendable, Hashable {
        public var checkCallId: String
        public var loadId: String
        /// "Joplin, MO" or a ZIP code the city table knows.
        public var place: String
        public var etaAt: Int64
        public var at: Int64
        public var note: String?

        public init(checkCallId: String, loadId: String, place: String, etaAt: Int64, at: Int64, note: String? = nil) {
            self.checkCallId = checkCallId
            self.loadId = loadId
            self.place = place
            self.etaAt = etaAt
            self.at = at
            self.note = note
        }
    }
}

/// Why a load was cancelled, the reasons a brokerage's cancellation report groups by.
public enum CancelReason: String, Codable, Sendable, CaseIterable {
    case shipperCancelled = "shipper"
    case noCapacity = "no-truck"
    case rateNotAgreed = "rate"
    case freightNotReady = "not-ready"
    case duplicate
    case other

    public var label: String {
        switch self {
        case .shipperCancelled: "shipper cancelled"
        case .noCapacity: "no truck found"
        case .rateNotAgreed: "rate not agreed"
        case .freightNotReady: "freight not ready"
        case .duplicate: "duplicate posting"
        case .other: "other"
        }
    }

    /// Accepts the raw value ("no-truck") or the label ("no truck found").
    public init?(userInput: String) {
        let text = userInput.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = CancelReason(rawValue: text) ?? CancelReason.allCases.first(where: { $0.label == text })
        else { return nil }
        self = match
    }

    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
