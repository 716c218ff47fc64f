import Foundation

extension Mutator {
    static func addNote(_ args: Mutation.AddNote, by actor: Actor, in store: some MutationStore,
                        now: Int64) throws -> MutationOutcome {
        var load = try requireLoad(args.loadId, in: store)
        if load.notes?.contains(where: { $0.id == args.noteId }) == true { return .alreadyRecorded }
        if actor.role == .driver, load.driverId == nil || load.driverId != actor.driverId {
            throw MutationRejection(.forbidden, "\(load.id) is not assigned to you")
        }
        let text = args.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw MutationRejection(.invalid, "a note needs some text") }
        guard text.count <= LoadNote.maxLength else {
            throw MutationRejection(.invalid, "a note is at most \(LoadNote.maxLength) characters (this one is \(text.count))")
        }
        guard !args.noteId.isEmpty, args.noteId.count <= 64 else {
            throw MutationRejection(.invalid, "a note id is 1–64 characters")
        }
        load.notes = (load.notes ?? []) + [LoadNote(id: args.noteId, text: text, by: actor.user, at: min(args.at, now))]
        load.version += 1
        try store.save(load)
        return .applied
    }
}
