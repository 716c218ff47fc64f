import ArgumentParser
import Foundation
import Domain
import Sync

struct LoadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loads", abstract: "List loads from the local mirror, with the board's filters.",
        discussion: "Example: dispatch loads --origin 'Dallas, TX 150' --equipment V,R --min-rpm 2.50 --sort rpm --desc")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: BoardFilterOptions
    @Option(help: "How many rows (max 10000).") var limit = 50
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        _ = try filters.query(now: Int64(Date().timeIntervalSince1970))
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000") }
    }

    func run() async throws {
        let session = try Session.open(global)
        let boards = BoardQueries(mirror: session.mirror)
        var query = try filters.query(now: Int64(Date().timeIntervalSince1970))
        query = try await filters.resolved(query, in: boards)
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
