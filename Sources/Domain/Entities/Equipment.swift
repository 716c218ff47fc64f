/// Trailer and truck types, kept as a lookup table because every board spells them differently.
public struct Equipment: Sendable, Hashable, Codable {
    public let code: String
    public let name: String
    /// Construction hauling equipment is usually priced per ton, load or hour.
    public let construction: Bool

    public init(code: String, name: String, construction: Bool = false) {
        self.code = code
        self.name = name
        self.construction = construction
    }

    /// The codes dispatch knows, in display order.
    public static let all: [Equipment] = [
        Equipment(code: "V", name: "Van"),
        Equipment(code: "R", name: "Reefer"),
        Equipment(code: "F", name: "Flatbed"),
        Equipment(code: "SD", name: "Step deck"),
        Equipment(code: "DD", name: "Double drop"),
        Equipment(code: "LB", name: "Lowboy"),
        Equipment(code: "RGN", name: "Removable gooseneck"),
        Equipment(code: "HB", name: "Hopper bottom"),
        Equipment(code: "PO", name: "Power only"),
        Equipment(code: "CN", name: "Conestoga"),
        Equipment(code: "TNK", name: "Tanker"),
        Equipment(code: "AC", name: "Auto carrier"),
        Equipment(code: "DT", name: "Dump truck", construction: true),
        Equipment(code: "END", name: "End dump", construction: true),
        Equipment(code: "BD", name: "Belly dump", construction: true),
        Equipment(code: "WLK", name: "Walking floor", construction: true),
    ]

    private static let byCode: [String: Equipment] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// Looks a code up case-insensitively.
    public static func named(_ code: String) -> Equipment? { byCode[code.uppercased()] }
}
