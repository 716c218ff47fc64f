extension Carrier {
    /// Days before expiry at which an insurance certificate is flagged.
    public static let expiryWarningDays: Int64 = 30

    /// Decides the verdict from the FMCSA facts, worst finding first.
    ///
    /// Kept in Domain so the server's verification job and the console's
    /// detail view explain a verdict with the same words.
    public func assess(now: Int64) -> (verdict: Verdict, reason: String) {
        let day: Int64 = 86_400
        if !allowedToOperate || oosDate != nil {
            return (.doNotUse, "out of service: not allowed to operate")
        }
        if statusCode != "A" {
            return (.doNotUse, "authority not active (status \(statusCode))")
        }
        if safetyRating == "Unsatisfactory" {
            return (.doNotUse, "unsatisfactory safety rating")
        }
        if insuranceExpiresAt <= now {
            return (.doNotUse, "insurance expired")
        }
        if bipdOnFile < bipdRequired {
            return (.doNotUse, "liability $\(bipdOnFile)K on file, $\(bipdRequired)K required")
        }
        if insuranceExpiresAt - now <= Carrier.expiryWarningDays * day {
            let days = (insuranceExpiresAt - now) / day
            return (.warn, "insurance expires in \(days) day\(days == 1 ? "" : "s")")
        }
        if cargoOnFile < cargoRequired {
            return (.warn, "cargo $\(cargoOnFile)K on file, $\(cargoRequired)K required")
        }
        if now - authorityGrantedAt < 180 * day {
            return (.warn, "new authority (under 6 months)")
        }
        if safetyRating == "Conditional" {
            return (.warn, "conditional safety rating")
        }
        return (.ok, "authority active, insured")
    }
}
