/// What a key means in a pane; the reducer turns actions into state changes.
public enum Action: Sendable, Hashable {
    case quit, help, nextPane, previousPane
    case showPane(Pane)
    case up, down, left, right, pageUp, pageDown, top, bottom
    /// Enter: open or confirm the selection.
    case select
    /// "/": open the filter form.
    case filter
    /// ":": open the command line.
    case command
    case assign, unassign, cycleSort, reverseSort, syncNow, zoomIn, zoomOut
    /// Driver mode: confirm the next status of the selected load.
    case advanceStatus
    /// Driver mode: record a delay.
    case delay
    /// Outbox: send a rejected mutation again / drop it.
    case retry, discard
    case clearFilter
    /// Board: the next saved view.
    case cycleView
    /// Map: follow the selected load's driver / stop following.
    case follow
    /// Payments: switch between payouts and invoices.
    case nextTab
    /// Payments: approve, hold or switch to QuickPay the selected payout (each confirms first).
    case approvePayout, holdPayout, quickPay
    /// Payments: the next payout status filter (all, pending, approved, …).
    case statusFilter
    /// Board: post a new load, edit, cancel or tender the selected one.
    case newLoad, editLoad, cancelLoad, tender
    /// Carriers: add one by DOT or MC number.
    case newCarrier
}

/// One line of help: the keys that trigger an action, described.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var help: String
    public var keyLabel: String

    /// `keyLabel` defaults to the keys' labels joined with "/".
    public init(_ keys: [Key], _ action: Action, _ help: String, label: String? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.keyLabel = label ?? keys.map(\.label).joined(separator: "/")
    }
}
