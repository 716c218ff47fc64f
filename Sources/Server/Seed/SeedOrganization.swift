/// One tenant the seed creates. Ids are unique across the whole database, so each
/// organisation's ids carry its own prefix; its logins carry another.
public struct SeedOrganization: Sendable, Hashable {
    /// Stored on every row and login of the organisation.
    public var name: String
    /// Goes after the letter of every id: "L-G17" for a load of the second organisation.
    public var idPrefix: String
    /// Goes before the dispatcher and accounting logins: "gulf-dispatch".
    public var loginPrefix: String
    /// Its size as a share of the seed's counts (loads, drivers, carriers).
    public var share: Double

    public init(name: String, idPrefix: String, loginPrefix: String, share: Double) {
        self.name = name
        self.idPrefix = idPrefix
        self.loginPrefix = loginPrefix
        self.share = share
    }

    /// The demo's broker: `dispatch`, `accounting`, and `d-1`… for its drivers.
    public static let primary = SeedOrganization(name: "Prairie Freight Brokers", idPrefix: "", loginPrefix: "",
                                                 share: 1)
    /// A smaller second tenant on the same server: `gulf-dispatch`, `gulf-accounting`, `d-g1`….
    /// It shows that one organisation never sees or changes another's rows.
    public static let second = SeedOrganization(name: "Gulf Coast Haulage", idPrefix: "G", loginPrefix: "gulf-",
                                                share: 0.02)

    /// `count` scaled to this organisation's share, at least one when `count` is.
    public func scaled(_ count: Int) -> Int {
        count == 0 ? 0 : max(1, Int((Double(count) * share).rounded()))
    }
}
