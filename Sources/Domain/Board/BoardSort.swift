import Foundation
/// Columns the load board sorts by: every column it shows.
public enum BoardSort: String, Codable, Sendable, CaseIterable {
    case pickup, ratePerMile = "rpm", origin, destination = "dest", rate, miles, weight, length
    case equipment, status, age, reference = "ref"

    public var label: String {
        switch self {
        case .pickup: "pickup date"
        case .ratePerMile: "rate/mile"
        case .origin: "origin"
        case .destination: "destination"
        case .rate: "rate"
        case .miles: "miles"
        case .weight: "weight"
        case .length: "length"
        case .equipment: "equipment"
        case .status: "status"
        case .age: "posted"
        case .reference: "reference"
        }
    }

    /// "pickup, rpm, origin, …" for messages that list the choices.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The sort a user typed: the raw value ("rpm") or the label's first word ("rate/mile" → no; "destination" → yes).
    public init?(userInput: String) {
        let text = userInput.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = BoardSort(rawValue: text) ?? BoardSort.allCases.first(where: { $0.label == text || String(describing: $0).lowercased() == text })
        else { return nil }
        self = match
    }
}
