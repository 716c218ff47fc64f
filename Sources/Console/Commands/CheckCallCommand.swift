import ArgumentParser
import Foundation
import Domain
import Sync

struct CheckCallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkcall", abstract: "Record where a truck is and its ETA at the next stop.",
        discussion: "The ETA is read in the next stop's local time: --eta 14:30, --eta \"12/05 07:15\" or --eta +3h.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Load id, e.g. L-123.") var load: String
    @Option(name: .customLong("at"), help: ArgumentHelp("Where the truck is: a city (\"Joplin, MO\") or a ZIP code.", valueName: "place"))
    var place: String
    @Option(help: ArgumentHelp("When it expects to reach its next stop.", valueName: "time")) var eta: String
    @Option(help: "A few words, e.g. \"driver on break\".") var note: String?
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws {
        guard City.find(place) != nil else {
            throw ValidationError("--at: unknown city '\(place.prefix(30))'; type it as \"Joplin, MO\" or a ZIP code")
        }
        if let note, let problem = LoadRules.textProblem(note, limit: 200, required: false) { throw ValidationError("--note: \(problem)") }
    }

    func run() async throws {
        let session = try Session.open(global)
        let loadId = Session.loadId(load)
        guard let found = try await MirrorQueries(mirror: session.mirror).load(loadId) else { throw ConsoleError.unknownLoad(loadId) }
        let now = Int64(Date().timeIntervalSince1970)
        let next = found.stops.first { $0.arrivedAt == nil } ?? found.stops.last
        let zone = next?.timeZone ?? .current
        let etaAt: Int64
        do { etaAt = try LocalTime.time(eta, in: zone, now: now) } catch { throw ConsoleError.usage("--eta: \(error.message)") }
        let call = Mutation.RecordCheckCall(checkCallId: "K-" + UUID().uuidString.lowercased(), loadId: loadId, place: place,
                                            etaAt: etaAt, at: now, note: note)
        let submission = try await session.submit(
            .checkCall(call),
            confirmed: "\(loadId) at \(City.find(place)?.place ?? place), ETA \(LocalTime.format(etaAt, in: zone)) (confirmed by the server)")
        try submission.report(json: json)
    }
}
