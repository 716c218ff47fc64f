import ArgumentParser
import Foundation
import Domain

/// The flags that describe a load, shared by `dispatch post` (every field) and `dispatch edit`
/// (only the fields to change). Values are read as text by `LoadDraft`, so the messages are the
/// same as in the console's form.
struct LoadDraftOptions: ParsableArguments {
    @Option(help: "Shipper name.") var shipper: String?
    @Option(help: "The shipper's reference (BOL or PO number).") var reference: String?
    @Option(help: "What is hauled, e.g. \"paper rolls\".") var commodity: String?
    @Option(help: "Equipment code: V, R, F, SD, DT, … (see `dispatch post --help`).") var equipment: String?
    @Option(help: "Weight in pounds, e.g. 42000.") var weight: String?
    @Option(help: "Length in feet (default 53, 40 for construction equipment).") var length: String?
    @Option(help: ArgumentHelp("full or partial (default full).", valueName: "full|partial")) var load: String?
    @Option(help: ArgumentHelp("Hazardous materials: yes or no (default no).", valueName: "yes|no")) var hazmat: String?
    @Option(help: "Rate in dollars, per --rate-kind: 2400 flat, 2.75 a mile.") var rate: String?
    @Option(help: ArgumentHelp("flat, mile, ton or hour (default flat).", valueName: "kind")) var rateKind: String?
    @Option(help: ArgumentHelp("A stop, in order: KIND|CITY|WINDOW[|ADDRESS], e.g. \"pickup|Dallas, TX|12/04 08:00-10:00\". Times are the city's local time.",
                               valueName: "stop"))
    var stop: [String] = []
    @Option(help: ArgumentHelp("A pickup: CITY|WINDOW[|ADDRESS] (pickups come before deliveries).", valueName: "stop"))
    var pickup: [String] = []
    @Option(help: ArgumentHelp("A delivery: CITY|WINDOW[|ADDRESS].", valueName: "stop"))
    var delivery: [String] = []

    /// The stops the flags give, in order; nil when none was given.
    func stops() throws -> [LoadDraft.StopDraft]? {
        if !stop.isEmpty, !(pickup.isEmpty && delivery.isEmpty) {
            throw ValidationError("use either --stop for every stop, or --pickup and --delivery, not both")
        }
        func parse(_ text: String, kind: String?) throws -> LoadDraft.StopDraft {
            var parts = text.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let kindWord = kind ?? (parts.isEmpty ? "" : parts.removeFirst())
            guard parts.count == 2 || parts.count == 3 else {
                let shape = kind == nil ? "KIND|CITY|WINDOW[|ADDRESS]" : "CITY|WINDOW[|ADDRESS]"
                throw ValidationError("'\(text.prefix(40))' is not a stop; write it as \(shape)")
            }
            return LoadDraft.StopDraft(kind: kindWord, city: parts[0], window: parts[1], address: parts.count == 3 ? parts[2] : nil)
        }
        let all = try stop.map { try parse($0, kind: nil) } + pickup.map { try parse($0, kind: "pickup") }
            + delivery.map { try parse($0, kind: "delivery") }
        return all.isEmpty ? nil : all
    }

    /// Writes every given flag over `draft`.
    func apply(to draft: inout LoadDraft) throws {
        if let shipper { draft.shipper = shipper }
        if let reference { draft.reference = reference }
        if let commodity { draft.commodity = commodity }
        if let equipment { draft.equipment = equipment }
        if let weight { draft.weight = weight }
        if let length { draft.length = length }
        if let load { draft.load = load }
        if let hazmat { draft.hazmat = hazmat }
        if let rate { draft.rate = rate }
        if let rateKind { draft.rateKind = rateKind }
        if let stops = try stops() { draft.stops = stops }
    }

    var isEmpty: Bool {
        [shipper, reference, commodity, equipment, weight, length, load, hazmat, rate, rateKind].allSatisfy { $0 == nil }
            && stop.isEmpty && pickup.isEmpty && delivery.isEmpty
    }
}

extension LoadDraft.Problems {
    /// One line per problem, each naming its field, for the terminal.
    var lines: String { all.map { "  \($0.field): \($0.message)" }.joined(separator: "\n") }
}
