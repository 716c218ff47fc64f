import ArgumentParser
import Foundation
import Domain
import Sync

struct TenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tender", abstract: "Tender (dispatch, X12 DP) an assigned load to its carrier.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Load id, e.g. L-123.") var load: String
    @Flag(help: "Print the result as JSON.") var json = false

    func run() async throws {
        let session = try Session.open(global)
        let loadId = Session.loadId(load)
        guard try await MirrorQueries(mirror: session.mirror).load(loadId) != nil else { throw ConsoleError.unknownLoad(loadId) }
        let tender = Mutation.TenderLoad(eventId: "E-" + UUID().uuidString.lowercased(), loadId: loadId,
                                         at: Int64(Date().timeIntervalSince1970))
        let submission = try await session.submit(.tenderLoad(tender), confirmed: "tendered \(loadId) (confirmed by the server)")
        try submission.report(json: json)
    }
}
