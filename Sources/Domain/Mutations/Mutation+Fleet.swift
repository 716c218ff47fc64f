import Foundation

extension Mutation {
    /// Puts a carrier on file by its DOT or MC number. It starts unverified, and so do-not-use,
    /// until the FMCSA check fills in its facts.
    public struct AddCarrier: Codable, Sendable, Hashable {
        public var carrierId: String
        public var dotNumber: String?
        public var mcNumber: String?
        /// The name the dispatcher was given; FMCSA's legal name replaces it once checked.
        public var name: String?
        public var at: Int64

        public init(carrierId: String, dotNumber: String? = nil, mcNumber: String? = nil, name: String? = nil, at: Int64) {
            self.carrierId = carrierId
            self.dotNumber = dotNumber
            self.mcNumber = mcNumber
            self.name = name
            self.at = at
        }
    }

    /// Marks a carrier do-not-use by hand, with the reason, or lifts that mark (reason nil).
    public struct MarkCarrier: Codable, Sendable, Hashable {
        public var carrierId: String
        public var reason: String?
        public var at: Int64

        public init(carrierId: String, reason: String?, at: Int64) {
            self.carrierId = carrierId
            self.reason = reason
            self.at = at
        }
    }

    /// Adds a driver to a carrier on file.
    public struct AddDriver: Codable, Sendable, Hashable {
        public var driverId: String
        public var carrierId: String
        public var name: String
        public var phone: String
        public var equipment: String
        /// "Dallas, TX" or a ZIP code: where the driver is based (and first placed on the map).
        public var home: String
        public var at: Int64

        public init(driverId: String, carrierId: String, name: String, phone: String, equipment: String, home: String, at: Int64) {
            self.driverId = driverId
            self.carrierId = carrierId
            self.name = name
            self.phone = phone
            self.equipment = equipment
            self.home = home
            self.at = at
        }
    }

    /// Sets whether a driver can take loads: available, unavailable, or off duty until a time.
    public struct SetDriverDuty: Codable, Sendable, Hashable {
        public var driverId: String
        public var duty: DriverDuty
        /// When an unavailable or off-duty driver is back; nil for available, or not known.
        public var until: Int64?
        public var at: Int64

        public init(driverId: String, duty: DriverDuty, until: Int64? = nil, at: Int64) {
            self.driverId = driverId
            self.duty = duty
            self.until = until
            self.at = at
        }
    }
}

/// Whether a driver takes loads.
public enum DriverDuty: String, Codable, Sendable, CaseIterable {
    case available
    case unavailable
    case offDuty = "off-duty"

    public init?(userInput: String) {
        let text = userInput.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "-")
        switch text {
        case "available", "on", "yes": self = .available
        case "unavailable", "no", "busy": self = .unavailable
        case "off-duty", "off", "offduty", "off_duty": self = .offDuty
        default: return nil
        }
    }
}

/// Ids chosen on the device for carriers and drivers added offline.
public enum FleetID {
    /// "C-" and 8 Crockford base32 characters.
    public static func carrier() -> String { "C-" + LoadID.new().dropFirst(2) }
    /// "D-" and 8 Crockford base32 characters.
    public static func driver() -> String { "D-" + LoadID.new().dropFirst(2) }

    /// "C-" or "D-" and 1–24 letters, digits or hyphens.
    public static func isValid(_ id: String, prefix: String) -> Bool {
        guard id.hasPrefix(prefix + "-") else { return false }
        let rest = id.dropFirst(2)
        return (1...24).contains(rest.count) && rest.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }
    }

    /// A DOT number: 1 to 8 digits ("USDOT 1234567" and "DOT-1234567" are read too).
    public static func dotNumber(_ text: String) -> String? {
        digits(text, prefixes: ["USDOT", "DOT"], count: 1...8)
    }

    /// An MC (docket) number: 1 to 8 digits ("MC-123456" is read too).
    public static func mcNumber(_ text: String) -> String? {
        digits(text, prefixes: ["MC"], count: 1...8)
    }

    private static func digits(_ text: String, prefixes: [String], count: ClosedRange<Int>) -> String? {
        var t = text.trimmingCharacters(in: .whitespaces).uppercased()
        for prefix in prefixes where t.hasPrefix(prefix) { t = String(t.dropFirst(prefix.count)); break }
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: " -#:"))
        guard count.contains(t.count), t.allSatisfy(\.isNumber), t.allSatisfy(\.isASCII) else { return nil }
        let trimmed = String(t.drop { $0 == "0" })
        return trimmed.isEmpty ? nil : trimmed
    }
}
