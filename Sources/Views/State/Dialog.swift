import Domain

/// Modals drawn over the current pane.
public enum Dialog: Sendable, Equatable {
    case help
    case filter(FormState)
    case assign(AssignState)
    case confirm(ConfirmState)
    /// Driver mode: record a delay with its X12 reason.
    case delay(DelayState)
    /// One load in full (Enter on the board).
    case loadDetail(LoadDetailState)
    /// The verification pane's filter form (search, verdict, flagged only).
    case carrierFilter(FormState)
    /// One carrier's facts and risk flags (Enter on the verification pane).
    case carrierDetail(CarrierDetailState)
    /// Driver mode: the status, time and place `c` will record (and the POD signer for a delivery).
    case statusConfirm(StatusConfirmState)
    /// Payments: approve / hold / QuickPay the selected payout.
    case payoutAction(PayoutActionState)
    /// Board: post a new load (`n`) or edit the selected one (`e`).
    case loadForm(LoadFormState)
    /// Carriers: add one by DOT or MC number (`n`).
    case carrierForm(FormState)
    /// Board: cancel the selected load (`x`), choosing the reason.
    case cancelLoad(CancelLoadState)
}

/// A form of labelled text fields; the reducer validates, the view shows the error under the field.
public struct FormState: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public var label: String
        public var value: String
        /// Shown dimmed when the value is empty ("any", "e.g. 2.50").
        public var placeholder: String
        public var error: String?
        public init(label: String, value: String = "", placeholder: String = "", error: String? = nil) {
            self.label = label
            self.value = value
            self.placeholder = placeholder
            self.error = error
        }
    }
    public var title: String
    public var fields: [Field]
    public var focused = 0
    /// The keys line; nil for the filter forms' own.
    public var footer: String?
    public init(title: String, fields: [Field]) {
        self.title = title
        self.fields = fields
    }
}

/// A driver offered in the assign dialog, ranked by `DriverMatch.rank`.
public typealias DriverCandidate = DriverMatch

public struct AssignState: Sendable, Hashable {
    public var load: LoadSummary
    public var candidates: [DriverCandidate] = []
    public var selected = 0
    /// Typed driver id, or a filter on the list.
    public var driverField = ""
    /// Maximum deadhead miles, typed by the user; validated as a whole number.
    public var radiusField = "250"
    /// Which field has the cursor: 0 list, 1 driver id, 2 radius.
    public var focus = 0
    public var error: String?
    public var loading = true
    public init(load: LoadSummary) { self.load = load }
}

/// What a confirmed dialog does, carried back to the reducer.
public enum ConfirmAction: Sendable, Hashable {
    case unassign(loadId: String)
    case tender(loadId: String)
    case discardConflict(id: Int64)
}

public struct ConfirmState: Sendable, Hashable {
    public var title: String
    public var message: String
    public var action: ConfirmAction
    public init(title: String, message: String, action: ConfirmAction) {
        self.title = title
        self.message = message
        self.action = action
    }
}

public struct DelayState: Sendable, Hashable {
    public var loadId: String
    public var selected = 0
    public init(loadId: String) { self.loadId = loadId }
}
