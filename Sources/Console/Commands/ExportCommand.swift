import ArgumentParser
import Foundation
import Domain
import Sync

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write records out to a file.", subcommands: [ExportLoadsCommand.self])
}

struct ExportLoadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loads", abstract: "Write the loads the board's filters match as CSV, in the board's order.",
        discussion: "The columns are the board's (id, status, driver, miles, total) and every column `dispatch import loads` reads, so the file imports again.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: BoardFilterOptions
    @Flag(help: "CSV (the only format, for now; kept for scripts that name it).") var csv = false
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?

    func validate() throws { _ = try filters.query(now: Int64(Date().timeIntervalSince1970)) }

    func run() async throws {
        let session = try Session.open(global)
        let boards = BoardQueries(mirror: session.mirror)
        let queries = MirrorQueries(mirror: session.mirror)
        let query = try await filters.resolved(try filters.query(now: Int64(Date().timeIntervalSince1970)), in: boards)
        var out = TextSink(path: output)
        try out.open()
        defer { out.close() }
        let stops = LoadRules.stopCount.upperBound
        out.write(CSV.line(LoadCSV.exportHeader(stops: stops)) + "\r\n")
        var anchor = BoardAnchor.first
        var count = 0
        // Keyset pages, as the board reads them: never every row in memory.
        while true {
            let page = try await boards.page(query, anchor: anchor, limit: 1_000)
            guard let last = page.last else { break }
            let loads = try await queries.loads(page.map(\.id))
            for row in page { if let load = loads[row.id] { out.write(CSV.line(LoadCSV.exportRow(load, stops: stops)) + "\r\n") } }
            count += page.count
            if page.count < 1_000 { break }
            anchor = .after(last)
        }
        FileHandle.note("exported \(Format.count(count)) loads (\(query.summary))")
    }
}

/// Standard output or a file, written in large pieces.
struct TextSink {
    let path: String?
    private var handle: FileHandle?
    private var buffer = Data()

    init(path: String?) { self.path = path }

    mutating func open() throws {
        guard let path else { handle = .standardOutput; return }
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw ConsoleError.usage("cannot write \(path)")
        }
        handle = file
    }

    mutating func write(_ text: String) {
        buffer.append(Data(text.utf8))
        if buffer.count > 1 << 20 { flush() }
    }

    mutating func flush() {
        handle?.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() {
        flush()
        if path != nil { try? handle?.close() }
    }
}
