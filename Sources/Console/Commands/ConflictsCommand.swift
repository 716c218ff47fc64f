import ArgumentParser
import Foundation
import Domain
import Sync

/// `dispatch conflicts [list|retry ID|discard ID]`: edits the server refused, and what to do with them.
struct ConflictsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List edits the server refused, with its reason; retry or discard them.",
        subcommands: [List.self, Retry.self, Discard.self],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List refused edits (the default).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let session = try Session.open(global)
            let conflicts = try await session.mirror.conflicts()
            if json {
                emit(String(decoding: try JSONEncoder.wire.encode(conflicts), as: UTF8.self))
                return
            }
            guard !conflicts.isEmpty else {
                emit("no conflicts: the server accepted every edit it has seen")
                return
            }
            for entry in conflicts {
                emit("#\(entry.id)  \(Format.dateTime(entry.at))  \(entry.summary)")
                emit("      refused (\(entry.code)): \(entry.reason)")
            }
            emit("retry with `dispatch conflicts retry ID`, drop with `dispatch conflicts discard ID`")
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue a refused edit again (the local rules check it first) and sync.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The conflict's id, as `dispatch conflicts` lists it.") var id: Int64
        @Flag(help: "Print the result as JSON.") var json = false

        func run() async throws {
            let session = try Session.open(global)
            let newId: Int64
            do {
                newId = try await session.mirror.retryConflict(id, by: session.config.actor)
            } catch SyncError.rejected(let rejection) {
                throw ConsoleError.stillRefused(id: id, reason: rejection.message)
            } catch {
                throw ConsoleError.wrap(error)
            }
            let summary = try await session.mirror.outbox().first { $0.id == newId }?.summary ?? "#\(newId)"
            let submission = await session.deliver(newId, summary: summary,
                                                    confirmed: "#\(id) sent again as #\(newId): \(summary) (confirmed by the server)")
            try submission.report(json: json)
        }
    }

    struct Discard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Drop a refused edit for good.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The conflict's id, as `dispatch conflicts` lists it.") var id: Int64

        func run() async throws {
            let session = try Session.open(global)
            do {
                try await session.mirror.discardConflict(id)
            } catch {
                throw ConsoleError.wrap(error)
            }
            emit("#\(id) discarded")
        }
    }
}
