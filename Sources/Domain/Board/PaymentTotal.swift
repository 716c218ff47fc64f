/// A count of rows and their amount (payments totals, counted by the mirror, shown by the pane).
public struct PaymentTotal: Sendable, Hashable {
    public var count = 0
    public var cents: Int64 = 0
    public init(count: Int = 0, cents: Int64 = 0) {
        self.count = count
        self.cents = cents
    }
}
