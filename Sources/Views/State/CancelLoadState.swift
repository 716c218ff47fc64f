import Domain

/// Cancelling a load: the reasons to choose from and a note; the title names the load and
/// Enter says what it will do, so the confirmation is the dialog itself.
public struct CancelLoadState: Sendable, Hashable {
    public var loadId: String
    /// "PO-7781, Dallas, TX → Memphis, TN"
    public var about: String
    public var selected = 0
    public var note = ""
    /// 0: the reasons list; 1: the note.
    public var focus = 0
    public var error: String?

    public init(loadId: String, about: String) {
        self.loadId = loadId
        self.about = about
    }

    public var reason: CancelReason { CancelReason.allCases[min(selected, CancelReason.allCases.count - 1)] }
}
