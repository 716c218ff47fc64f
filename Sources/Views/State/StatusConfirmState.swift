import Domain

/// Driver mode: what `c` is about to record, shown before it is sent. A delivery also
/// asks for proof of delivery (who signed); a bad name keeps the dialog open with an error.
public struct StatusConfirmState: Sendable, Hashable {
    public var loadId: String
    public var code: StatusCode
    /// Where the report will say it happened (fresh GPS, else the stop); nil if neither is known.
    public var place: ReportPlace?
    /// The signer's printed name, typed for a delivery.
    public var signer = ""
    /// Shown under the signer field.
    public var error: String?

    /// The stop the report is about (0-based) and, on a load of more than two stops, how it is
    /// named to the driver ("stop 2 of 3, Memphis, TN").
    public var stop: Int?
    public var stopName: String?

    public init(loadId: String, code: StatusCode, place: ReportPlace?, stop: Int? = nil, stopName: String? = nil) {
        self.stop = stop
        self.stopName = stopName
        self.loadId = loadId
        self.code = code
        self.place = place
    }

    /// A delivery needs proof of delivery.
    public var needsSigner: Bool { code == .delivered }

    /// The words a driver reads: "arrived at pickup", "loaded", …
    public var statusWords: String {
        switch code {
        case .arrivedPickup: "arrived at pickup"
        case .loaded: "loaded"
        case .departedPickup: "departed pickup"
        case .arrivedDelivery: "arrived at delivery"
        case .delivered: "delivered"
        case .unloaded: "unloaded"
        case .departedDelivery: "departed delivery"
        default: code.label
        }
    }
}
