import Domain

/// The detail view of one load: its id at once, its data when the mirror answers.
public struct LoadDetailState: Sendable, Hashable {
    public var loadId: String
    public var detail: LoadDetail?
    /// First line shown, for scrolling long timelines.
    public var scroll = 0
    public init(loadId: String, detail: LoadDetail? = nil) {
        self.loadId = loadId
        self.detail = detail
    }
}
