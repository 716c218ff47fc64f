/// An intent a user expressed, queued and pushed to the server, and replayed locally until confirmed.
public enum Mutation: Sendable, Hashable {
    case assignLoad(AssignLoad)
    case unassignLoad(UnassignLoad)
    case recordStatus(RecordStatus)
    case addNote(AddNote)
    case approvePayout(PayoutAction)
    case holdPayout(PayoutAction)
    case requestQuickPay(PayoutAction)
    case postLoad(PostLoad)
    case editLoad(EditLoad)
    case cancelLoad(CancelLoad)
    case tenderLoad(TenderLoad)
    case checkCall(RecordCheckCall)
    case addCarrier(AddCarrier)
    case markCarrier(MarkCarrier)
    case addDriver(AddDriver)
    case setDriverDuty(SetDriverDuty)

    public struct AssignLoad: Codable, Sendable, Hashable {
        public var loadId: String
        public var driverId: String
        public init(loadId: String, driverId: String) {
            self.loadId = loadId
            self.driverId = driverId
        }
    }

    public struct UnassignLoad: Codable, Sendable, Hashable {
        public var loadId: String
        public init(loadId: String) { self.loadId = loadId }
    }

    /// The event id is generated once on the device that saw it happen and is the idempotency key.
    public struct RecordStatus: Codable, Sendable, Hashable {
        public var eventId: String
        public var loadId: String
        public var code: StatusCode
        public var reason: DelayReason?
        public var at: Int64
        public var lat: Double?
        public var lon: Double?
        public var note: String?
        /// Proof of delivery: the printed name of who signed for the freight (POD only).
        /// Optional on the wire: absent from the JSON when nil, so older clients and servers agree.
        public var podSigner: String?
        /// The stop the report is about (0-based index into the load's stops); optional on the
        /// wire: absent, the server infers it (`StopProgress`).
        public var stop: Int?

        public init(eventId: String, loadId: String, code: StatusCode, reason: DelayReason? = nil,
                    at: Int64, lat: Double? = nil, lon: Double? = nil, note: String? = nil, podSigner: String? = nil,
                    stop: Int? = nil) {
            self.stop = stop
            self.eventId = eventId
            self.loadId = loadId
            self.code = code
            self.reason = reason
            self.at = at
            self.lat = lat
            self.lon = lon
            self.note = note
            self.podSigner = podSigner
        }
    }

    /// The wire name of the mutation.
    public var name: String {
        switch self {
        case .assignLoad: "assignLoad"
        case .unassignLoad: "unassignLoad"
        case .recordStatus: "recordStatus"
        case .addNote: "addNote"
        case .approvePayout: "approvePayout"
        case .holdPayout: "holdPayout"
        case .requestQuickPay: "requestQuickPay"
        case .postLoad: "postLoad"
        case .editLoad: "editLoad"
        case .cancelLoad: "cancelLoad"
        case .tenderLoad: "tenderLoad"
        case .checkCall: "checkCall"
        case .addCarrier: "addCarrier"
        case .markCarrier: "markCarrier"
        case .addDriver: "addDriver"
        case .setDriverDuty: "setDriverDuty"
        }
    }

    public static let names = ["assignLoad", "unassignLoad", "recordStatus", "addNote",
                               "approvePayout", "holdPayout", "requestQuickPay",
                               "postLoad", "editLoad", "cancelLoad", "tenderLoad", "checkCall",
                               "addCarrier", "markCarrier", "addDriver", "setDriverDuty"]

    /// Whether a role may ever send this mutation. The rules refuse the rest anyway; this lets
    /// the server refuse a push carrying one as a whole (`403`), since no honest console
    /// queues it (its local rules refused it first).
    public func isAllowed(for role: Role) -> Bool {
        switch (self, role) {
        case (.assignLoad, .dispatcher), (.unassignLoad, .dispatcher): true
        case (.assignLoad, _), (.unassignLoad, _): false
        case (.recordStatus, .accounting): false
        case (.recordStatus, _), (.addNote, _): true
        case (.approvePayout, .driver), (.holdPayout, .driver), (.requestQuickPay, .driver): false
        case (.approvePayout, _), (.holdPayout, _), (.requestQuickPay, _): true
        case (.postLoad, .dispatcher), (.editLoad, .dispatcher), (.cancelLoad, .dispatcher),
             (.tenderLoad, .dispatcher), (.checkCall, .dispatcher): true
        case (.postLoad, _), (.editLoad, _), (.cancelLoad, _), (.tenderLoad, _), (.checkCall, _): false
        case (.addCarrier, .dispatcher), (.markCarrier, .dispatcher), (.addDriver, .dispatcher): true
        case (.addCarrier, _), (.markCarrier, _), (.addDriver, _): false
        // A driver says when it is off duty; the rules keep it to its own record.
        case (.setDriverDuty, .dispatcher), (.setDriverDuty, .driver): true
        case (.setDriverDuty, _): false
        }
    }

    /// The load the mutation touches, for marking rows pending (nil for payout actions).
    public var loadId: String? {
        switch self {
        case .assignLoad(let a): a.loadId
        case .unassignLoad(let u): u.loadId
        case .recordStatus(let r): r.loadId
        case .addNote(let n): n.loadId
        case .postLoad(let p): p.loadId
        case .editLoad(let e): e.loadId
        case .cancelLoad(let c): c.loadId
        case .tenderLoad(let t): t.loadId
        case .checkCall(let c): c.loadId
        case .approvePayout, .holdPayout, .requestQuickPay, .addCarrier, .markCarrier, .addDriver, .setDriverDuty: nil
        }
    }

    /// One line for outbox and conflict lists.
    public var summary: String {
        switch self {
        case .assignLoad(let a): "assign \(a.loadId) to \(a.driverId)"
        case .unassignLoad(let u): "unassign \(u.loadId)"
        case .recordStatus(let r): "\(r.loadId) \(r.code.label)" + (r.reason.map { " (\($0.label))" } ?? "")
            + (r.podSigner.map { ", signed by \($0)" } ?? "")
        case .addNote(let n): "note on \(n.loadId): \(n.text.prefix(40))"
        case .approvePayout(let p): "approve payout \(p.payoutId) (\(Money.dollars(p.seenAmountCents)))"
        case .holdPayout(let p): "hold payout \(p.payoutId)" + (p.reason.map { ": \($0)" } ?? "")
        case .requestQuickPay(let p): "QuickPay for payout \(p.payoutId)"
        case .postLoad(let p): "post \(p.loadId) \(p.terms.lane)"
        case .editLoad(let e): "edit \(e.loadId): " + e.seen.changes(to: e.terms).joined(separator: ", ")
        case .cancelLoad(let c): "cancel \(c.loadId) (\(c.reason.label))"
        case .tenderLoad(let t): "tender \(t.loadId) to its carrier"
        case .checkCall(let c): "check call \(c.loadId) at \(c.place)"
        case .addCarrier(let c): "add carrier " + [c.dotNumber.map { "DOT \($0)" }, c.mcNumber.map { "MC \($0)" }].compactMap { $0 }.joined(separator: " ")
        case .markCarrier(let m): m.reason.map { "mark \(m.carrierId) do-not-use: \($0)" } ?? "lift the hand mark on \(m.carrierId)"
        case .addDriver(let d): "add driver \(d.name) to \(d.carrierId)"
        case .setDriverDuty(let d): "\(d.driverId) \(d.duty.rawValue)" + (d.until.map { " until \(Format.dateTime($0))" } ?? "")
        }
    }
}
