import ArgumentParser
import Foundation
import Domain
import Sync

struct CarriersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carriers", abstract: "List carriers from the local mirror with their verdicts.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this verdict: ok, warn or do-not-use.") var verdict: String?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if let verdict, Verdict(rawValue: verdict.lowercased()) == nil { throw ValidationError("--verdict: one of ok, warn, do-not-use") }
    }

    func run() async throws {
        let session = try Session.open(global)
        var carriers = try await MirrorQueries(mirror: session.mirror).carriers()
        if let verdict = verdict.flatMap({ Verdict(rawValue: $0.lowercased()) }) { carriers = carriers.filter { $0.verdict == verdict } }
        if json {
            emit(String(decoding: try JSONEncoder.wire.encode(carriers), as: UTF8.self))
            return
        }
        TextTable.print(["ID", "NAME", "DOT", "MC", "VERDICT", "WHY"], carriers.map {
            [$0.id, $0.name, $0.dotNumber, $0.mcNumber, $0.verdict.rawValue, $0.verdictReason]
        })
        if carriers.isEmpty { FileHandle.note("no carriers") }
    }
}

struct CarrierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carrier", abstract: "Add a carrier, or mark one do-not-use by hand.",
        subcommands: [CarrierAddCommand.self, CarrierMarkCommand.self])
}

struct CarrierAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Put a carrier on file by DOT or MC number; it is do-not-use until FMCSA verifies it.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "USDOT number.") var dot: String?
    @Option(help: "MC (docket) number.") var mc: String?
    @Option(help: "The name you were given (FMCSA's legal name replaces it once checked).") var name: String?
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws {
        guard dot != nil || mc != nil else { throw ValidationError("give --dot N or --mc N") }
        if let dot, FleetID.dotNumber(dot) == nil { throw ValidationError("--dot: '\(dot.prefix(20))' is not a DOT number (1 to 8 digits)") }
        if let mc, FleetID.mcNumber(mc) == nil { throw ValidationError("--mc: '\(mc.prefix(20))' is not an MC number (1 to 8 digits)") }
        if let name, let problem = LoadRules.textProblem(name, limit: 80) { throw ValidationError("--name: \(problem)") }
    }

    func run() async throws {
        let session = try Session.open(global)
        let known = try await MirrorQueries(mirror: session.mirror).carriers()
        let dotNumber = dot.flatMap(FleetID.dotNumber), mcNumber = mc.flatMap(FleetID.mcNumber)
        if let same = known.first(where: { (dotNumber != nil && $0.dotNumber == dotNumber) || (mcNumber != nil && $0.mcNumber == mcNumber) }) {
            throw ConsoleError.usage("already on file: \(same.id) \(same.name) (DOT \(same.dotNumber), MC \(same.mcNumber))")
        }
        let id = FleetID.carrier()
        var submission = try await session.submit(
            .addCarrier(.init(carrierId: id, dotNumber: dotNumber, mcNumber: mcNumber, name: name, at: Int64(Date().timeIntervalSince1970))),
            confirmed: "added \(id); do-not-use until FMCSA verifies it (confirmed by the server)")
        submission.loadId = nil
        try submission.report(json: json)
    }
}

struct CarrierMarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark", abstract: "Mark a carrier do-not-use by hand (--reason), or lift the mark (--clear).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Carrier id, e.g. C-12.") var carrier: String
    @Option(help: "Why it may not be used.") var reason: String?
    @Flag(help: "Lift the hand mark; the verdict is the FMCSA facts' again.") var clear = false
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws {
        guard (reason != nil) != clear else { throw ValidationError("give --reason TEXT, or --clear") }
        if let reason, let problem = LoadRules.textProblem(reason, limit: 200) { throw ValidationError("--reason: \(problem)") }
    }

    func run() async throws {
        let session = try Session.open(global)
        let id = carrier.uppercased()
        guard try await MirrorQueries(mirror: session.mirror).carrier(id) != nil else {
            throw ConsoleError.usage("no carrier \(id) in the local mirror")
        }
        let submission = try await session.submit(
            .markCarrier(.init(carrierId: id, reason: clear ? nil : reason, at: Int64(Date().timeIntervalSince1970))),
            confirmed: clear ? "\(id): hand mark lifted (confirmed by the server)" : "\(id) marked do-not-use (confirmed by the server)")
        try submission.report(json: json)
    }
}

/// Plain columns for the terminal.
enum TextTable {
    static func print(_ header: [String], _ rows: [[String]]) {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for line in [header] + rows {
            emit(zip(line, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces))
        }
    }
}
