import ArgumentParser
import Foundation
import Domain
import Sync

struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "outbox",
                                                    abstract: "List edits waiting to sync and edits the server refused.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    struct Listing: Encodable {
        var pending: [OutboxEntry]
        var conflicts: [ConflictEntry]
    }

    func run() async throws {
        let session = try Session.open(global)
        let pending = try await session.mirror.outbox()
        let conflicts = try await session.mirror.conflicts()
        if json {
            emit(String(decoding: try JSONEncoder.wire.encode(Listing(pending: pending, conflicts: conflicts)), as: UTF8.self))
            return
        }
        emit(pending.isEmpty ? "outbox empty: every edit is synced" : "\(pending.count) pending:")
        for entry in pending { emit("  #\(entry.id)  \(Format.dateTime(entry.createdAt))  \(entry.summary)") }
        if !conflicts.isEmpty {
            emit("\(conflicts.count) refused by the server:")
            for entry in conflicts { emit("  #\(entry.id)  \(entry.summary): \(entry.reason)") }
        }
    }
}
