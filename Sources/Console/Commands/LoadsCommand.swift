import ArgumentParser
import Foundation
import Domain
import Sync

struct LoadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "loads", abstract: "List loads from the local mirror.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Status: posted, assigned, X3, … (code or name).") var status: String?
    @Option(help: "Origin state, e.g. TX.") var originState: String?
    @Option(help: "Equipment code, e.g. V, R, F, DT.") var equipment: String?
    @Option(help: "Sort by pickup, rpm or origin.") var sort: String = "pickup"
    @Option(help: "How many rows (max 10000).") var limit = 50
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if let status, LoadStatus(userInput: status) == nil {
            throw ValidationError("unknown status '\(status)'; use one of: \(LoadStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let equipment, Equipment.named(equipment) == nil {
            throw ValidationError("unknown equipment '\(equipment)'; use one of: \(Equipment.all.map(\.code).joined(separator: ", "))")
        }
        if let originState, originState.count != 2 || !originState.allSatisfy(\.isLetter) {
            throw ValidationError("--origin-state takes a two-letter state code such as TX")
        }
        guard BoardSort(rawValue: sort) != nil else { throw ValidationError("--sort must be pickup, rpm or origin") }
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000") }
    }

    func run() async throws {
        let session = try Session.open(global)
        let query = BoardQuery(status: status.flatMap(LoadStatus.init(userInput:)), originState: originState?.uppercased(),
                               equipment: equipment?.uppercased(), sort: BoardSort(rawValue: sort) ?? .pickup)
        let rows = try await BoardQueries(mirror: session.mirror).page(query, anchor: .first, limit: limit)
        if json {
            emit(String(decoding: try JSONEncoder.wire.encode(rows), as: UTF8.self))
            return
        }
        let header = ["ID", "STATUS", "ORIGIN", "DEST", "PICKUP", "EQ", "MILES", "RATE", "$/MI", "DRIVER"]
        let table = rows.map { row in
            [row.id + (row.pending ? "*" : ""), row.status.label, "\(row.originCity), \(row.originState)",
             "\(row.destCity), \(row.destState)", Format.dateTime(row.pickupAt), row.equipment, String(row.miles),
             Money.dollars(row.rateCents, whole: true), Money.plain(row.ratePerMileCents), row.driverId ?? "-"]
        }
        let widths = header.indices.map { column in ([header] + table).map { $0[column].count }.max() ?? 0 }
        for line in [header] + table {
            emit(zip(line, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
        if rows.isEmpty { FileHandle.note("no loads match \(query.summary)") }
        if rows.contains(where: \.pending) { FileHandle.note("* pending: edited here, not yet confirmed by the server") }
    }
}
