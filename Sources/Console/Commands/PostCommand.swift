import ArgumentParser
import Foundation
import Domain
import Sync

struct PostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post", abstract: "Post a new load (queued offline, synced when possible).",
        discussion: """
            Every field as a flag, or a JSON file with the same names (--file load.json):
              {"shipper": "Lone Star Paper", "reference": "PO-7781", "commodity": "paper rolls",
               "equipment": "V", "weight": "42000", "rate": "2.75", "rateKind": "mile",
               "stops": [{"kind": "pickup", "city": "Dallas, TX", "window": "2026-12-04 08:00-10:00"},
                         {"kind": "delivery", "city": "Memphis, TN", "window": "2026-12-05 07:00-11:00"}]}
            Flags given with --file override its fields. Windows are in each stop's local time.
            Equipment: \(Equipment.all.map(\.code).joined(separator: ", ")).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var fields: LoadDraftOptions
    @Option(help: ArgumentHelp("Read the load from a JSON file (- for standard input).", valueName: "file")) var file: String?
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws { _ = try fields.stops() }

    func run() async throws {
        var draft = LoadDraft()
        if let file { draft = try Self.read(file) }
        try fields.apply(to: &draft)
        let now = Int64(Date().timeIntervalSince1970)
        let terms: Mutation.LoadTerms
        switch draft.terms(now: now) {
        case .success(let value): terms = value
        case .failure(let problems): throw ConsoleError.usage("the load cannot be posted:\n\(problems.lines)")
        }
        let session = try Session.open(global)
        let id = LoadID.new()
        var submission = try await session.submit(.postLoad(.init(loadId: id, terms: terms, at: now)),
                                                  confirmed: "posted \(id) \(terms.lane) (confirmed by the server)")
        submission.loadId = id
        try submission.report(json: json)
    }

    static func read(_ path: String) throws -> LoadDraft {
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConsoleError.usage("cannot read \(path): \(error.localizedDescription)")
        }
        guard data.count <= 1_000_000 else { throw ConsoleError.usage("\(path) is larger than 1 MB; a load file is a few hundred bytes") }
        do {
            return try JSONDecoder().decode(LoadDraft.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw ConsoleError.usage("\(path): '\(key.stringValue)' is missing")
        } catch let DecodingError.typeMismatch(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ConsoleError.usage("\(path): '\(field)' must be text in quotes, e.g. \"42000\"")
        } catch {
            throw ConsoleError.usage("\(path) is not a load in JSON (see `dispatch post --help`)")
        }
    }
}
