import ArgumentParser
import Foundation
import Domain
import Sync

/// `dispatch events L-8 [--sync] [--json]`: a load's status history from the local mirror,
/// oldest first, with time, code, place, who reported it and the POD signer.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "List a load's status events (X12 214) from the local mirror.",
        discussion: "Example: dispatch events L-8 --sync")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Load id, e.g. L-8 (or 8).") var load: String
    @Flag(help: "Sync with the server first (pending edits go up, new events come down).") var sync = false
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let session = try Session.open(global)
        let id = Session.loadId(load)
        if sync {
            do {
                _ = try await session.engine.syncOnce()
            } catch {
                FileHandle.note("sync failed, showing the local mirror: \(ConsoleError.wrap(error))")
            }
        }
        let queries = MirrorQueries(mirror: session.mirror)
        guard try await queries.load(id) != nil else { throw ConsoleError.unknownLoad(id) }
        let events = try await queries.events(forLoad: id)
        if json {
            emit(String(decoding: try JSONEncoder.wire.encode(events), as: UTF8.self))
            return
        }
        if events.isEmpty {
            FileHandle.note("no status events for \(id) yet")
            return
        }
        let header = ["TIME", "CODE", "STATUS", "PLACE", "BY", "DETAIL"]
        let table = events.map { event -> [String] in
            let place = event.lat.flatMap { lat in event.lon.map { ReportPlace.coordinates(lat: lat, lon: $0) } }
            var detail = event.reason.map { "\($0.rawValue) \($0.label)" } ?? ""
            if let signer = event.podSigner { detail = "POD signed by \(signer)" }
            if let note = event.note { detail += (detail.isEmpty ? "" : "; ") + note }
            if let stop = event.stop { detail = "stop \(stop + 1)" + (detail.isEmpty ? "" : "; ") + detail }
            return [Format.iso(event.at), event.code.rawValue, event.code.label, place ?? "-", event.recordedBy, detail]
        }
        let widths = header.indices.map { column in ([header] + table).map { $0[column].count }.max() ?? 0 }
        for line in [header] + table {
            emit(zip(line, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
    }
}
