import ArgumentParser
import Foundation
import Domain
import Sync

struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a load not yet picked up (X12 CA; queued offline, synced when possible).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Load id, e.g. L-123.") var load: String
    @Option(help: ArgumentHelp("Why: \(CancelReason.choices).", valueName: "reason")) var reason: String
    @Option(help: "A few words more (required with --reason other).") var note: String?
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws {
        guard let reason = CancelReason(userInput: reason) else {
            throw ValidationError("--reason: '\(reason.prefix(20))' is not a reason; one of \(CancelReason.choices)")
        }
        if reason == .other, (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--note: say why when the reason is 'other'")
        }
        if let note, let problem = LoadRules.textProblem(note, limit: 200, required: false) { throw ValidationError("--note: \(problem)") }
    }

    func run() async throws {
        let session = try Session.open(global)
        let loadId = Session.loadId(load)
        guard try await MirrorQueries(mirror: session.mirror).load(loadId) != nil else { throw ConsoleError.unknownLoad(loadId) }
        let cancel = Mutation.CancelLoad(eventId: "E-" + UUID().uuidString.lowercased(), loadId: loadId,
                                         reason: CancelReason(userInput: reason) ?? .other, note: note,
                                         at: Int64(Date().timeIntervalSince1970))
        let submission = try await session.submit(.cancelLoad(cancel), confirmed: "cancelled \(loadId) (confirmed by the server)")
        try submission.report(json: json)
    }
}
