import ArgumentParser
import Foundation
import Domain
import Sync

struct DriversCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drivers", abstract: "List drivers from the local mirror: duty, position age, drive time left, phone.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only drivers of this carrier, e.g. C-12.") var carrier: String?
    @Flag(help: "Only available drivers.") var available = false
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let session = try Session.open(global)
        var drivers = try await MirrorQueries(mirror: session.mirror).drivers()
        if let carrier { drivers = drivers.filter { $0.carrierId == carrier.uppercased() } }
        if available { drivers = drivers.filter(\.available) }
        if json {
            emit(String(decoding: try JSONEncoder.wire.encode(drivers), as: UTF8.self))
            return
        }
        let now = Int64(Date().timeIntervalSince1970)
        TextTable.print(["ID", "NAME", "CARRIER", "EQ", "HOME", "DUTY", "SEEN", "DRIVE LEFT", "PHONE"], drivers.map { d in
            let duty = d.available ? "available" : (d.duty ?? .unavailable).rawValue + (d.dutyUntil.map { " until \(Format.dateTime($0))" } ?? "")
            return [d.id, d.name, d.carrierId, d.equipment, "\(d.homeCity), \(d.homeState)", duty,
                    Format.age(max(0, now - d.positionAt)) + " ago", Format.hours(minutes: d.hos.driveMinutes), d.phone]
        })
        if drivers.isEmpty { FileHandle.note("no drivers match") }
    }
}

/// `dispatch driver` is driver mode; its `add` and `duty` subcommands edit the fleet.
struct DriverAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a driver to a carrier on file.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Carrier id, e.g. C-12.") var carrier: String
    @Option(help: "The driver's name.") var name: String
    @Option(help: "Phone, e.g. (214) 555-0100.") var phone: String
    @Option(help: "Equipment code: V, R, F, DT, ….") var equipment: String
    @Option(help: "Home base: a city (\"Dallas, TX\") or a ZIP code.") var home: String
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws {
        if let problem = LoadRules.textProblem(name, limit: 80) { throw ValidationError("--name: \(problem)") }
        guard Equipment.named(equipment) != nil else { throw ValidationError("--equipment: unknown '\(equipment.prefix(12))'; one of \(Equipment.all.map(\.code).joined(separator: ", "))") }
        guard City.find(home) != nil else { throw ValidationError("--home: unknown city '\(home.prefix(30))'; type it as \"Dallas, TX\" or a ZIP code") }
    }

    func run() async throws {
        let session = try Session.open(global)
        let carrierId = carrier.uppercased()
        guard try await MirrorQueries(mirror: session.mirror).carrier(carrierId) != nil else {
            throw ConsoleError.usage("--carrier: no carrier \(carrierId) in the local mirror")
        }
        let id = FleetID.driver()
        let submission = try await session.submit(
            .addDriver(.init(driverId: id, carrierId: carrierId, name: name, phone: phone, equipment: equipment, home: home,
                             at: Int64(Date().timeIntervalSince1970))),
            confirmed: "added \(id) \(name) to \(carrierId) (confirmed by the server)")
        try submission.report(json: json)
    }
}

struct DriverDutyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duty", abstract: "Set a driver available, unavailable, or off duty until a time.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Driver id, e.g. D-45.") var driver: String
    @Argument(help: "available, unavailable or off-duty.") var duty: String
    @Option(help: ArgumentHelp("Back at: 2026-12-05 06:00, 06:00 (the next one) or +10h, in this machine's time zone.", valueName: "time"))
    var until: String?
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws {
        guard DriverDuty(userInput: duty) != nil else { throw ValidationError("'\(duty.prefix(20))' is not available, unavailable or off-duty") }
    }

    func run() async throws {
        let session = try Session.open(global)
        let driverId = Session.driverId(driver)
        guard try await MirrorQueries(mirror: session.mirror).driver(driverId) != nil else { throw ConsoleError.unknownDriver(driverId) }
        let now = Int64(Date().timeIntervalSince1970)
        var back: Int64?
        if let until {
            do { back = try LocalTime.time(until, in: .current, now: now) } catch { throw ConsoleError.usage("--until: \(error.message)") }
        }
        let set = Mutation.SetDriverDuty(driverId: driverId, duty: DriverDuty(userInput: duty) ?? .available, until: back, at: now)
        let submission = try await session.submit(.setDriverDuty(set), confirmed: "\(set.summaryLine) (confirmed by the server)")
        try submission.report(json: json)
    }
}

extension Mutation.SetDriverDuty {
    var summaryLine: String { Mutation.setDriverDuty(self).summary }
}
