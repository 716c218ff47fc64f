import ArgumentParser
import Foundation
import Domain
import Sync

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bring records in from a file.", subcommands: [ImportLoadsCommand.self])
}

struct ImportLoadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loads", abstract: "Post every load of a CSV file (queued offline, synced when possible).",
        discussion: """
            A header row names the columns (`dispatch import loads --template` prints one): \(LoadCSV.termColumns.joined(separator: ", ")),
            then stop1_kind, stop1_city, stop1_window, stop1_address, … up to stop6. Windows are in each stop's local
            time. Commas, semicolons or tabs separate the columns. Every row is checked by the same rules as
            `dispatch post`; a bad row is reported with its line and column and left out, the others are queued
            together. A load is known by its shipper and reference, so importing the same file again adds nothing.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The CSV file (- for standard input).") var file: String?
    @Flag(help: "Check every row and report, but queue nothing.") var dryRun = false
    @Flag(help: "Print the header and an example row, then exit.") var template = false
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws {
        if !template, file == nil { throw ValidationError("give the CSV file to import, or --template for its header") }
    }

    /// What an import did, for `--json` and the summary line.
    struct Report: Encodable {
        var rows: Int
        var imported: Int
        var alreadyImported: Int
        var refused: Int
        var problems: [String]
        var dryRun: Bool
        var synced: Bool
    }

    func run() async throws {
        if template {
            FileHandle.standardOutput.write(Data(LoadCSV.template.utf8))
            return
        }
        let text = try Self.read(file ?? "-")
        let now = Int64(Date().timeIntervalSince1970)
        let progress = ProgressNote(enabled: !json && isatty(STDERR_FILENO) == 1)
        progress.say("reading \(file ?? "stdin")…")
        let (rows, problems): ([LoadCSV.Row], [LoadCSV.RowProblem])
        do { (rows, problems) = try LoadCSV.read(text, now: now) } catch { throw ConsoleError.usage("\(file ?? "stdin"): \(error.message)") }
        let session = try Session.open(global)
        let existing = try await session.mirror.existingLoads(rows.map(\.loadId))
        let fresh = rows.filter { !existing.contains($0.loadId) }
        var report = Report(rows: rows.count + Set(problems.map(\.line)).count, imported: 0, alreadyImported: rows.count - fresh.count,
                            refused: Set(problems.map(\.line)).count, problems: problems.map(\.description), dryRun: dryRun, synced: false)
        if !dryRun, !fresh.isEmpty {
            progress.say("queueing \(Format.count(fresh.count)) loads…")
            do {
                try await session.mirror.enqueueAll(fresh.map { .postLoad(.init(loadId: $0.loadId, terms: $0.terms, at: now)) },
                                                    by: session.config.actor, now: now)
            } catch { throw ConsoleError.wrap(error) }
            report.imported = fresh.count
            progress.say("syncing \(Format.count(fresh.count)) loads…")
            report.synced = (try? await session.engine.syncOnce()) != nil
        }
        progress.done()
        if json {
            emit(String(decoding: try JSONEncoder.wire.encode(report), as: UTF8.self))
        } else {
            for problem in problems.prefix(200) { FileHandle.note(problem.description) }
            if problems.count > 200 { FileHandle.note("… and \(problems.count - 200) more problems") }
            let verb = dryRun ? "would import" : "imported"
            var line = "\(verb) \(Format.count(dryRun ? fresh.count : report.imported)) loads"
            if report.alreadyImported > 0 { line += ", \(Format.count(report.alreadyImported)) already imported" }
            if report.refused > 0 { line += ", \(Format.count(report.refused)) rows refused" }
            if !dryRun, report.imported > 0 { line += report.synced ? " (synced)" : " (queued; offline: `dispatch sync` will deliver them)" }
            emit(line)
        }
        if !problems.isEmpty { throw ExitCode(2) }
    }

    static func read(_ path: String) throws -> String {
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConsoleError.usage("cannot read \(path): \(error.localizedDescription)")
        }
        guard data.count <= 200_000_000 else { throw ConsoleError.usage("\(path) is larger than 200 MB; split it") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConsoleError.usage("\(path) is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"")
        }
        return text
    }
}

/// One status line on a terminal, rewritten in place; silent when stderr is not a terminal.
struct ProgressNote {
    let enabled: Bool
    func say(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }
    func done() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
