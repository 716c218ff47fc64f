import Domain

/// Driver mode: the loads assigned to me, with their stops, and the next thing to confirm.
public struct DriverLoadsState: Sendable {
    public var loads: [Load] = []
    /// Load ids with an unconfirmed local edit.
    public var pendingLoadIds: Set<String> = []
    public var selected = 0
    public init() {}

    public var selectedLoad: Load? { loads.indices.contains(selected) ? loads[selected] : nil }
}
