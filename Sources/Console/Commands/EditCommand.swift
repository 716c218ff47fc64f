import ArgumentParser
import Foundation
import Domain
import Sync

struct EditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a load's terms (queued offline, synced when possible).",
        discussion: """
            Only the flags given change. --window N=WINDOW moves stop N's appointment (N defaults to 1),
            in that stop's local time: dispatch edit L-12 --rate 2600 --window "2=12/05 07:00-09:00".
            The edit carries the version you see; if the load changed on the server since, it is refused
            as stale and listed by `dispatch conflicts`.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Load id, e.g. L-123.") var loadID: String
    @OptionGroup var fields: LoadDraftOptions
    @Option(help: ArgumentHelp("Move a stop's window: [N=]WINDOW.", valueName: "window")) var window: [String] = []
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws {
        _ = try fields.stops()
        if fields.isEmpty, window.isEmpty { throw ValidationError("nothing to change: give at least one field, e.g. --rate 2600") }
    }

    func run() async throws {
        let session = try Session.open(global)
        let loadId = Session.loadId(loadID)
        guard let load = try await MirrorQueries(mirror: session.mirror).load(loadId) else { throw ConsoleError.unknownLoad(loadId) }
        var draft = LoadDraft(load)
        try fields.apply(to: &draft)
        for move in window {
            let parts = move.split(separator: "=", maxSplits: 1).map(String.init)
            let (number, text) = parts.count == 2 ? (Int(parts[0].trimmingCharacters(in: .whitespaces)), parts[1]) : (1, move)
            guard let number, (1...draft.stops.count).contains(number) else {
                throw ConsoleError.usage("--window \(move.prefix(30)): the load has stops 1 to \(draft.stops.count)")
            }
            draft.stops[number - 1].window = text
        }
        let terms: Mutation.LoadTerms
        switch draft.terms(now: Int64(Date().timeIntervalSince1970)) {
        case .success(let value): terms = value
        case .failure(let problems): throw ConsoleError.usage("the edit cannot be made:\n\(problems.lines)")
        }
        let edit = Mutation.EditLoad(load: load, terms: terms)
        let changes = edit.seen.changes(to: terms)
        guard !changes.isEmpty else { throw ConsoleError.usage("nothing changes: \(loadId) already has these terms") }
        if let refusal = LoadEditPolicy.refusal(of: edit.seen, to: terms, load: load) { throw ConsoleError.usage(refusal) }
        let submission = try await session.submit(.editLoad(edit),
                                                  confirmed: "\(loadId): \(changes.joined(separator: ", ")) (confirmed by the server)")
        try submission.report(json: json)
    }
}
