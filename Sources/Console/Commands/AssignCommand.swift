import ArgumentParser
import Foundation
import Domain
import Sync

struct AssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Assign a load to a driver (queued offline, synced when possible).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Load id, e.g. L-123.") var load: String
    @Argument(help: "Driver id, e.g. D-45.") var driver: String
    @Flag(help: "Print the result as JSON.") var json = false

    func run() async throws {
        let session = try Session.open(global)
        let loadId = Session.loadId(load)
        let driverId = Session.driverId(driver)
        let queries = MirrorQueries(mirror: session.mirror)
        guard try await queries.load(loadId) != nil else { throw ConsoleError.unknownLoad(loadId) }
        guard try await queries.driver(driverId) != nil else { throw ConsoleError.unknownDriver(driverId) }
        let submission = try await session.submit(.assignLoad(.init(loadId: loadId, driverId: driverId)),
                                                  confirmed: "assigned \(loadId) to \(driverId) (confirmed by the server)")
        try submission.report(json: json)
    }
}
