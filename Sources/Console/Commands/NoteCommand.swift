import ArgumentParser
import Foundation
import Domain
import Sync

struct NoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Add a note to a load (queued offline, synced when possible).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Load id, e.g. L-123.") var load: String
    @Argument(help: "The note, e.g. \"lumper paid $150\".") var text: String
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ValidationError("the note is empty") }
        guard trimmed.count <= LoadNote.maxLength else {
            throw ValidationError("a note is at most \(LoadNote.maxLength) characters (this one is \(trimmed.count))")
        }
    }

    func run() async throws {
        let session = try Session.open(global)
        let loadId = Session.loadId(load)
        guard try await MirrorQueries(mirror: session.mirror).load(loadId) != nil else { throw ConsoleError.unknownLoad(loadId) }
        let note = Mutation.AddNote(noteId: UUID().uuidString.lowercased(), loadId: loadId, text: text,
                                    at: Int64(Date().timeIntervalSince1970))
        let submission = try await session.submit(.addNote(note), confirmed: "note added to \(loadId) (confirmed by the server)")
        try submission.report(json: json)
    }
}
