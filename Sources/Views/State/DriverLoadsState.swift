import Domain

/// Driver mode: the loads assigned to me, with their stops, and the next thing to confirm.
public struct DriverLoadsState: Sendable {
    public var loads: [Load] = []
    /// Load ids with an unconfirmed local edit.
    public var pendingLoadIds: Set<String> = []
    public var selected = 0
    /// Status events of my loads from the local mirror, oldest first, by load id.
    public var events: [String: [StatusEvent]] = [:]
    /// My own last GPS position, if the mirror has it.
    public var position: ReportPlace.Fix?
    public init() {}

    public var selectedLoad: Load? { loads.indices.contains(selected) ? loads[selected] : nil }
}
