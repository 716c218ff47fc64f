/// The outcome of checking a carrier: whether a dispatcher may give it a load.
public enum Verdict: String, Codable, Sendable, CaseIterable, Comparable {
    case ok
    case warn
    case doNotUse = "do-not-use"

    private var severity: Int {
        switch self {
        case .ok: 0
        case .warn: 1
        case .doNotUse: 2
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.severity < rhs.severity }
}

/// A motor carrier with the FMCSA facts that decide whether it may haul.
public struct Carrier: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var dotNumber: String
    public var mcNumber: String
    /// FMCSA `allowedToOperate`.
    public var allowedToOperate: Bool
    /// FMCSA `statusCode`: A active, I inactive, P pending.
    public var statusCode: String
    public var oosDate: Int64?
    /// Satisfactory, Conditional, Unsatisfactory or empty when unrated.
    public var safetyRating: String
    /// Insurance amounts in thousands of dollars, as FMCSA reports them.
    public var bipdOnFile: Int
    public var bipdRequired: Int
    public var cargoOnFile: Int
    public var cargoRequired: Int
    public var insuranceExpiresAt: Int64
    public var authorityGrantedAt: Int64
    public var powerUnits: Int
    public var verdict: Verdict
    public var verdictReason: String
    public var checkedAt: Int64
    public var version: Int64
    /// Set when a dispatcher marked the carrier do-not-use by hand: the reason, which wins over
    /// whatever the FMCSA facts say until it is lifted.
    public var handHold: String?

    public init(id: String, name: String, dotNumber: String, mcNumber: String, allowedToOperate: Bool,
                statusCode: String, oosDate: Int64?, safetyRating: String, bipdOnFile: Int,
                bipdRequired: Int, cargoOnFile: Int, cargoRequired: Int, insuranceExpiresAt: Int64,
                authorityGrantedAt: Int64, powerUnits: Int, verdict: Verdict, verdictReason: String,
                checkedAt: Int64, version: Int64 = 1) {
        self.id = id
        self.name = name
        self.dotNumber = dotNumber
        self.mcNumber = mcNumber
        self.allowedToOperate = allowedToOperate
        self.statusCode = statusCode
        self.oosDate = oosDate
        self.safetyRating = safetyRating
        self.bipdOnFile = bipdOnFile
        self.bipdRequired = bipdRequired
        self.cargoOnFile = cargoOnFile
        self.cargoRequired = cargoRequired
        self.insuranceExpiresAt = insuranceExpiresAt
        self.authorityGrantedAt = authorityGrantedAt
        self.powerUnits = powerUnits
        self.verdict = verdict
        self.verdictReason = verdictReason
        self.checkedAt = checkedAt
        self.version = version
    }
}
