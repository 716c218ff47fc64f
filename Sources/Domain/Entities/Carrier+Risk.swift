/// What a dispatcher needs to read about a carrier before giving it a load, in words.
extension Carrier {
    /// Whole days until the insurance certificate expires (negative once expired).
    public func daysToInsuranceExpiry(now: Int64) -> Int64 {
        let seconds = insuranceExpiresAt - now
        return seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
    }

    /// The operating authority as FMCSA reports it, in one word or two.
    public var authorityLabel: String {
        if oosDate != nil { return "OUT OF SERVICE" }
        if !allowedToOperate { return "not allowed" }
        switch statusCode {
        case "A": return "active"
        case "I": return "inactive"
        case "P": return "pending"
        default: return statusCode.isEmpty ? "unknown" : statusCode
        }
    }

    /// Every reason for caution, most serious first; empty for a clean carrier.
    public func riskFlags(now: Int64) -> [String] {
        var flags: [String] = []
        if let oosDate { flags.append("out of service since \(Format.isoDate(oosDate))") }
        if !allowedToOperate { flags.append("not allowed to operate") }
        if statusCode == "I" { flags.append("authority inactive") }
        if statusCode == "P" { flags.append("authority pending") }
        if safetyRating == "Unsatisfactory" || safetyRating == "Conditional" { flags.append("safety rating \(safetyRating)") }
        if bipdOnFile < bipdRequired {
            flags.append("liability $\(Format.count(bipdOnFile))K on file < $\(Format.count(bipdRequired))K required")
        }
        if cargoOnFile < cargoRequired {
            flags.append("cargo $\(Format.count(cargoOnFile))K on file < $\(Format.count(cargoRequired))K required")
        }
        let days = daysToInsuranceExpiry(now: now)
        if days < 0 {
            flags.append("insurance expired \(Format.isoDate(insuranceExpiresAt))")
        } else if days <= Carrier.expiryWarningDays {
            flags.append("insurance expires in \(days) day\(days == 1 ? "" : "s")")
        }
        if now - authorityGrantedAt < 180 * 86_400 { flags.append("new authority (under 6 months)") }
        if now - checkedAt > 7 * 86_400 { flags.append("last checked \(Format.age(now - checkedAt)) ago") }
        return flags
    }
}
