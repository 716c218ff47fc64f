import Foundation

/// The CSV columns loads are imported from and exported to. The export writes every import
/// column plus what the board shows (id, status, driver, miles, total), so an exported file
/// imports again as the same loads.
public enum LoadCSV {
    public static let termColumns = ["shipper", "reference", "commodity", "equipment", "weight", "length", "load", "hazmat",
                                     "rate", "rate_kind"]
    public static let stopParts = ["kind", "city", "window", "address"]
    public static let required = ["shipper", "reference", "commodity", "equipment", "weight", "rate",
                                  "stop1_city", "stop1_window", "stop2_city", "stop2_window"]
    /// Written by the export, read past by the import.
    public static let exportOnly = ["id", "status", "driver", "carrier", "miles", "rate_total", "posted"]

    public static var importColumns: [String] {
        termColumns + (1...LoadRules.stopCount.upperBound).flatMap { n in stopParts.map { "stop\(n)_\($0)" } }
    }

    /// `dispatch import loads --template`: the header for two stops and one example row.
    public static let template = CSV.line(termColumns + (1...2).flatMap { n in stopParts.map { "stop\(n)_\($0)" } }) + "\n"
        + CSV.line(["Lone Star Paper", "PO-7781", "paper rolls", "V", "42000", "53", "full", "no", "2.75", "mile",
                    "pickup", "Dallas, TX", "2026-12-04 08:00-10:00", "2100 Commerce St",
                    "delivery", "Memphis, TN", "2026-12-05 07:00-11:00", ""]) + "\n"

    /// A problem of one row: its line in the file and the column it is about ("" for the whole row).
    public struct RowProblem: Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var column: String
        public var message: String
        public var description: String { column.isEmpty ? "row \(line): \(message)" : "row \(line), \(column): \(message)" }
    }

    /// A row that reads as a load.
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var terms: Mutation.LoadTerms
        /// The id it is posted as: the same for the same shipper and reference, so importing twice posts once.
        public var loadId: String
    }

    /// Why the file as a whole cannot be read (a header problem); rows are judged one by one.
    public struct FileProblem: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// "Stop 1 city" → "stop1_city"; case, spaces and hyphens do not matter.
    static func columnKey(_ header: String) -> String {
        header.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }

    /// Reads every row of `text`; a header problem refuses the file, a row problem only its row.
    public static func read(_ text: String, now: Int64) throws(FileProblem) -> (rows: [Row], problems: [RowProblem]) {
        let records: [CSV.Record]
        do { records = try CSV.records(text) } catch { throw FileProblem(message: error.description) }
        guard let header = records.first else { throw FileProblem(message: "the file is empty; `dispatch import loads --template` prints a header") }
        let keys = header.fields.map(columnKey)
        let known = Set(importColumns + exportOnly)
        let unknown = keys.filter { !known.contains($0) }
        if keys.count == 1, text.contains(";") || text.contains("\t") || text.contains("|") {
            throw FileProblem(message: "the header has one column ('\(header.fields[0].prefix(40))'); columns are separated by commas, semicolons or tabs")
        }
        guard unknown.isEmpty else {
            throw FileProblem(message: "unknown column\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", ")); "
                              + "the columns are \(importColumns.prefix(14).joined(separator: ", ")), … (see --template)")
        }
        let missing = required.filter { !keys.contains($0) }
        guard missing.isEmpty else {
            throw FileProblem(message: "missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) (see --template)")
        }
        if let repeated = keys.first(where: { key in keys.filter { $0 == key }.count > 1 }) {
            throw FileProblem(message: "the column '\(repeated)' appears twice in the header")
        }
        let index = Dictionary(keys.enumerated().map { ($1, $0) }) { first, _ in first }
        var rows: [Row] = []
        var problems: [RowProblem] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            guard record.fields.count == keys.count else {
                problems.append(RowProblem(line: record.line, column: "",
                                           message: "has \(record.fields.count) fields, the header has \(keys.count) (a comma inside a value needs quotes)"))
                continue
            }
            func value(_ key: String) -> String { index[key].map { record.fields[$0] } ?? "" }
            var draft = LoadDraft()
            draft.shipper = value("shipper"); draft.reference = value("reference"); draft.commodity = value("commodity")
            draft.equipment = value("equipment"); draft.weight = value("weight"); draft.length = value("length")
            draft.load = value("load"); draft.hazmat = value("hazmat"); draft.rate = value("rate"); draft.rateKind = value("rate_kind")
            let given = (1...LoadRules.stopCount.upperBound).filter { n in
                !value("stop\(n)_city").trimmingCharacters(in: .whitespaces).isEmpty
                    || !value("stop\(n)_window").trimmingCharacters(in: .whitespaces).isEmpty
            }
            let last = given.last ?? 2
            draft.stops = (1...max(2, last)).map { n in
                let kind = value("stop\(n)_kind").trimmingCharacters(in: .whitespaces)
                let address = value("stop\(n)_address").trimmingCharacters(in: .whitespaces)
                return LoadDraft.StopDraft(kind: kind.isEmpty ? (n == 1 ? "pickup" : "delivery") : kind,
                                           city: value("stop\(n)_city"), window: value("stop\(n)_window"),
                                           address: address.isEmpty ? nil : address)
            }
            switch draft.terms(now: now) {
            case .failure(let found):
                problems += found.all.map { RowProblem(line: record.line, column: column(for: $0.field), message: $0.message) }
            case .success(let terms):
                let key = terms.shipper.trimmingCharacters(in: .whitespaces).lowercased() + "\u{1F}"
                    + terms.reference.trimmingCharacters(in: .whitespaces).uppercased()
                if let first = seen[key] {
                    problems.append(RowProblem(line: record.line, column: "reference",
                                               message: "\(terms.reference) of \(terms.shipper) is also on row \(first)"))
                    continue
                }
                seen[key] = record.line
                rows.append(Row(line: record.line, terms: terms,
                                loadId: LoadID.forReference(shipper: terms.shipper.trimmingCharacters(in: .whitespaces),
                                                            reference: terms.reference.trimmingCharacters(in: .whitespaces))))
            }
        }
        return (rows, problems)
    }

    /// The column a draft's field came from.
    static func column(for field: LoadDraft.Field) -> String {
        switch field {
        case .terms(.shipper): "shipper"
        case .terms(.reference): "reference"
        case .terms(.commodity): "commodity"
        case .terms(.equipment): "equipment"
        case .terms(.weight): "weight"
        case .terms(.length): "length"
        case .load: "load"
        case .hazmat: "hazmat"
        case .terms(.rate): "rate"
        case .rateKind: "rate_kind"
        case .terms(.stops): "stops"
        case .stopKind(let n): "stop\(n)_kind"
        case .terms(.stopCity(let n)): "stop\(n)_city"
        case .terms(.stopWindow(let n)): "stop\(n)_window"
        case .terms(.stopAddress(let n)): "stop\(n)_address"
        }
    }

    /// The export's header: the board's own columns, then every import column up to `stops` stops.
    public static func exportHeader(stops: Int) -> [String] {
        exportOnly + termColumns + (1...max(2, stops)).flatMap { n in stopParts.map { "stop\(n)_\($0)" } }
    }

    /// One load as an export row, times in each stop's zone (as the import reads them).
    public static func exportRow(_ load: Load, stops: Int) -> [String] {
        let draft = LoadDraft(load)
        var fields = [load.id, load.status.rawValue, load.driverId ?? "", load.carrierId ?? "", String(load.miles),
                      Money.plain(load.rateCents), Format.iso(load.postedAt),
                      draft.shipper, draft.reference, draft.commodity, draft.equipment, draft.weight, draft.length,
                      draft.load, draft.hazmat, draft.rate, draft.rateKind]
        for n in 0..<max(2, stops) {
            if n < draft.stops.count {
                let stop = draft.stops[n]
                fields += [stop.kind, stop.city, stop.window, stop.address ?? ""]
            } else {
                fields += ["", "", "", ""]
            }
        }
        return fields
    }
}
