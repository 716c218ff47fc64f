import ArgumentParser
import Foundation
import Domain
import Server
import Sync

struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sync",
                                                    abstract: "Push queued edits and pull changes until current.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print the result as JSON.") var json = false

    func run() async throws {
        let session = try Session.open(global)
        let progress = ProgressLine(label: "syncing", enabled: !json && isatty(2) == 1
                                    && ProcessInfo.processInfo.environment["CI"] == nil)
        do {
            let report = try await session.engine.syncOnce { done, total in progress.update(done, total) }
            progress.finish()
            if json {
                emit(String(decoding: try JSONEncoder.wire.encode(report), as: UTF8.self))
            } else {
                var line = "synced: pushed \(report.pushed) (\(report.applied) applied"
                line += report.rejected.isEmpty ? ")" : ", \(report.rejected.count) refused)"
                line += ", pulled \(Format.count(report.pulledRows)) rows in \(report.pages) page\(report.pages == 1 ? "" : "s")"
                line += String(format: ", %.2f s", report.seconds)
                if report.pending > 0 { line += "; \(report.pending) still pending" }
                emit(line)
                for reason in report.rejected { emit("  refused: \(reason)") }
            }
            // The process ends here: the sort indexes a snapshot left are built before it does,
            // so the next `dispatch loads` finds them.
            try await session.engine.mirror.buildDeferredIndexes()
            if !report.rejected.isEmpty { throw ExitCode(2) }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            progress.finish()
            throw ConsoleError.wrap(error)
        }
    }
}
