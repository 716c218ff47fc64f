import ArgumentParser
import Foundation
import Domain
import Sync

/// `dispatch status L-123 X3 [--stop 2]`: what `c` and `d` record in driver mode, from a shell
/// (a dispatcher for any load, a driver for its own), queued offline first like every edit.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Record a load's status (X12 214): arrived, loaded, departed, delivered, delayed…",
        discussion: """
            CODE is an X12 code (DP X3 CP AF X6 X1 D1 CD POD SD) or a status name ("at pickup", delivered). \
            Without CODE it records what driver mode would confirm next. On a load of several stops, \
            --stop says which (1 is the first); without it the next stop of the code's kind. \
            POD needs --signer; SD (delayed) needs --reason (A1 AY AH AI AO B1).
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Load id, e.g. L-123.") var load: String
    @Argument(help: "The status to record; the next one when left out.") var code: String?
    @Option(help: "Which stop, 1 for the first.") var stop: Int?
    @Option(help: "Who signed for the freight (POD).") var signer: String?
    @Option(help: "The delay's X12 reason code (SD).") var reason: String?
    @Option(help: "A few words.") var note: String?
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws {
        if let code, StatusCode(userInput: code) == nil {
            throw ValidationError("'\(code.prefix(20))' is not a status: use one of DP X3 CP AF X6 X1 D1 CD POD SD")
        }
        if let stop, stop < 1 { throw ValidationError("--stop: stops are counted from 1") }
        if let reason, DelayReason(rawValue: reason.uppercased()) == nil {
            throw ValidationError("--reason: one of \(DelayReason.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let signer, let problem = Mutation.RecordStatus.signerProblem(signer) { throw ValidationError("--signer: \(problem)") }
        if let note, let problem = LoadRules.textProblem(note, limit: 200, required: false) { throw ValidationError("--note: \(problem)") }
    }

    func run() async throws {
        let session = try Session.open(global)
        let loadId = Session.loadId(load)
        guard let found = try await MirrorQueries(mirror: session.mirror).load(loadId) else { throw ConsoleError.unknownLoad(loadId) }
        var chosen = code.flatMap(StatusCode.init(userInput:))
        var index = stop.map { $0 - 1 }
        if chosen == nil {
            guard let next = StopProgress.next(for: found) else {
                throw ConsoleError.usage("\(loadId) is \(found.status.label): nothing left to record")
            }
            chosen = next.code
            index = index ?? next.stop
        }
        guard let code = chosen else { return }
        if code == .delivered, signer == nil { throw ConsoleError.usage("POD needs --signer: who signed for the freight") }
        if code == .delayed, reason == nil { throw ConsoleError.usage("SD (delayed) needs --reason: one of A1 AY AH AI AO B1") }
        // The console's own check first: a stop that does not fit is refused here, nothing queued.
        let resolved: Int?
        do { resolved = try StopProgress.stop(for: code, requested: index, in: found) } catch let refusal as MutationRejection {
            throw ConsoleError.usage(refusal.message)
        }
        let place = ReportPlace.stop(for: code, at: resolved, in: found)
        let args = Mutation.RecordStatus(eventId: "E-" + UUID().uuidString.lowercased(), loadId: loadId, code: code,
                                         reason: reason.flatMap { DelayReason(rawValue: $0.uppercased()) },
                                         at: Int64(Date().timeIntervalSince1970), lat: place?.lat, lon: place?.lon,
                                         note: note, podSigner: signer, stop: resolved)
        let at = resolved.map { " at stop \($0 + 1), \(found.stops[$0].place)" } ?? ""
        let submission = try await session.submit(.recordStatus(args),
                                                  confirmed: "\(loadId) \(code.label) (\(code.rawValue))\(at) (confirmed by the server)")
        try submission.report(json: json)
    }
}
