import Domain

/// The carrier shown in the detail dialog, and how far it is scrolled.
public struct CarrierDetailState: Sendable, Hashable {
    public var carrier: Carrier
    public var scroll = 0
    public init(carrier: Carrier) { self.carrier = carrier }
}
