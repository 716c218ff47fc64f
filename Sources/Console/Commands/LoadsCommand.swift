import ArgumentParser
import Foundation
import Domain
import Sync

struct LoadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loads", abstract: "List loads from the local mirror, with the board's filters.",
        discussion: "Example: dispatch loads --origin 'Dallas, TX 150' --equipment V,R --min-rpm 2.50 --sort rpm --desc")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Full-text search over reference, shipper, commodity and cities.") var search: String?
    @Option(help: "Status: posted, assigned, X3, … (code or name).") var status: String?
    @Option(help: "Origin: a state (TX), a city (Dallas, TX) or a city and radius in miles (Dallas, TX 150).") var origin: String?
    @Option(help: "Destination, same forms as --origin.") var dest: String?
    @Option(help: "Origin state, e.g. TX (same as --origin TX).") var originState: String?
    @Option(help: "Equipment codes, e.g. V or V,R,F.") var equipment: String?
    @Option(help: "Pickup on or after this day: 2026-11-25, 11/25, today, +2.") var from: String?
    @Option(help: "Pickup on or before this day.") var to: String?
    @Option(help: "Minimum rate per mile in dollars, e.g. 2.50.") var minRpm: String?
    @Option(help: "Maximum weight in pounds, e.g. 40000 or 40k.") var maxWeight: String?
    @Option(help: "Maximum length in feet.") var maxLength: String?
    @Option(help: "full or partial.") var size: String?
    @Option(help: "Posted within: 90m, 24h, 2d.") var postedWithin: String?
    @Option(help: "Sort by \(BoardSort.choices).") var sort: String = "pickup"
    @Flag(help: "Sort descending.") var desc = false
    @Option(help: "How many rows (max 10000).") var limit = 50
    @Flag(help: "Print JSON.") var json = false

    /// The flags as a board query; every message names the flag at fault.
    func query(now: Int64) throws -> BoardQuery {
        func take<T>(_ flag: String, _ result: Result<T, BoardInputError>) throws -> T {
            switch result {
            case .success(let value): return value
            case .failure(let error): throw ValidationError("--\(flag): \(error.message)")
            }
        }
        var query = BoardQuery()
        query.text = search.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        query.status = try take("status", BoardQuery.Input.status(status ?? ""))
        query.origin = try take("origin", PlaceFilter.parse(origin ?? originState ?? ""))
        query.destination = try take("dest", PlaceFilter.parse(dest ?? ""))
        query.equipment = try take("equipment", BoardQuery.Input.equipment(equipment ?? ""))
        query.pickupFrom = try take("from", BoardQuery.Input.day(from ?? "", now: now))
        query.pickupTo = try take("to", BoardQuery.Input.day(to ?? "", now: now)).map { $0 + 86_399 }
        query.minRatePerMileCents = try take("min-rpm", BoardQuery.Input.ratePerMile(minRpm ?? ""))
        query.maxWeightLbs = try take("max-weight", BoardQuery.Input.weight(maxWeight ?? ""))
        query.maxLengthFt = try take("max-length", BoardQuery.Input.length(maxLength ?? ""))
        query.fullLoad = try take("size", BoardQuery.Input.fullLoad(size ?? ""))
        query.maxAgeMinutes = try take("posted-within", BoardQuery.Input.age(postedWithin ?? ""))
        guard let sort = BoardSort(userInput: sort) else { throw ValidationError("--sort must be one of: \(BoardSort.choices)") }
        query.sort = sort
        query.descending = desc
        return query
    }

    func validate() throws {
        _ = try query(now: Int64(Date().timeIntervalSince1970))
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000") }
    }

    func run() async throws {
        let session = try Session.open(global)
        let boards = BoardQueries(mirror: session.mirror)
        var query = try query(now: Int64(Date().timeIntervalSince1970))
        switch try await boards.resolveCenters(query) {
        case .success(let resolved): query = resolved
        case .failure(let error): throw ConsoleError.usage("--\(error.field == "destination" ? "dest" : "origin"): \(error.message)")
        }
        let rows = try await boards.page(query, anchor: .first, limit: limit)
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
