import ArgumentParser
import Foundation
import Domain
import Sync

struct UnassignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unassign", abstract: "Take an assigned load back from its driver, onto the board again.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Load id, e.g. L-123.") var load: String
    @Flag(help: "Print the result as JSON.") var json = false

    func run() async throws {
        let session = try Session.open(global)
        let loadId = Session.loadId(load)
        guard try await MirrorQueries(mirror: session.mirror).load(loadId) != nil else { throw ConsoleError.unknownLoad(loadId) }
        let submission = try await session.submit(.unassignLoad(.init(loadId: loadId)),
                                                  confirmed: "unassigned \(loadId); it is posted again (confirmed by the server)")
        try submission.report(json: json)
    }
}
