import ArgumentParser
import Foundation
import Domain
import Sync

/// The board's filters as flags, shared by `dispatch loads` and `dispatch export loads`.
struct BoardFilterOptions: ParsableArguments {
    @Option(help: "Full-text search over reference, shipper, commodity and cities.") var search: String?
    @Option(help: "Status: posted, assigned, X3, … (code or name), or open (posted and assigned, pickup from today).") var status: String?
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
        if status?.trimmingCharacters(in: .whitespaces).lowercased() == "open" {
            query.openWork = true
        } else {
            query.status = try take("status", BoardQuery.Input.status(status ?? ""))
        }
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


    /// The query with its radius centres looked up in the mirror; an unknown city names its flag.
    func resolved(_ query: BoardQuery, in boards: BoardQueries) async throws -> BoardQuery {
        switch try await boards.resolveCenters(query) {
        case .success(let resolved): return resolved
        case .failure(let error): throw ConsoleError.usage("--\(error.field == "destination" ? "dest" : "origin"): \(error.message)")
        }
    }
}
