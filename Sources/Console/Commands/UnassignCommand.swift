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
        try await Session.open(global).submit(onLoad: load, json: json) { loadId in
            (.unassignLoad(.init(loadId: loadId)), "unassigned \(loadId); it is posted again (confirmed by the server)")
        }
    }
}

struct TenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tender", abstract: "Tender (dispatch, X12 DP) an assigned load to its carrier.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Load id, e.g. L-123.") var load: String
    @Flag(help: "Print the result as JSON.") var json = false

    func run() async throws {
        try await Session.open(global).submit(onLoad: load, json: json) { loadId in
            (.tenderLoad(.init(eventId: "E-" + UUID().uuidString.lowercased(), loadId: loadId, at: Int64(Date().timeIntervalSince1970))),
             "tendered \(loadId) (confirmed by the server)")
        }
    }
}

extension Session {
    /// A one-load edit from the command line: the id read as users type it, the load required in
    /// the mirror, the mutation queued and delivered, the outcome printed.
    func submit(onLoad text: String, json: Bool, _ make: (String) -> (Mutation, confirmed: String)) async throws {
        let loadId = Session.loadId(text)
        guard try await MirrorQueries(mirror: mirror).load(loadId) != nil else { throw ConsoleError.unknownLoad(loadId) }
        let (mutation, confirmed) = make(loadId)
        try await submit(mutation, confirmed: confirmed).report(json: json)
    }
}
