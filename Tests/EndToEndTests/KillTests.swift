import Foundation
import Testing
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` of the real binaries at the points where an edit could be lost or doubled:
/// before and after the outbox write, before the push is sent, after its answer arrived but
/// before it was recorded, and dispatchd after its commit but before it answered.
@Suite("kill -9 of dispatch and dispatchd", .serialized)
struct KillTests {
    struct World {
        let directory: URL
        let db: String
        let console: String
        var server: (pid: pid_t, port: Int)

        var mirror: String { console + "/mirror.sqlite" }

        func cleanUp() {
            Spawn.stop(server.pid)
            try? FileManager.default.removeItem(at: directory)
        }
    }

    func start(loads: Int = 300, serverEnvironment: [String: String] = [:]) async throws -> World {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dispatch-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = directory.appendingPathComponent("server.sqlite").path
        let console = directory.appendingPathComponent("console").path
        let seeded = try Spawn.run([Tmux.dispatchdBinary, "seed", "--db", db, "--loads", String(loads), "--drivers", "40", "--carriers", "12"])
        #expect(seeded.status == 0, "\(seeded.output)")
        let environment = ProcessInfo.processInfo.environment.merging(serverEnvironment) { $1 }
        let server = try await Dispatchd.serve(db: db, port: 0, log: directory.appendingPathComponent("serve.log").path,
                                               environment: environment)
        let login = try Spawn.run([Tmux.dispatchBinary, "login", "--data-dir", console, "--server",
                                   "http://127.0.0.1:\(server.port)", "--user", "dispatch", "--password-stdin"], input: "dispatch\n")
        #expect(login.status == 0, "\(login.output)")
        let sync = try Spawn.run([Tmux.dispatchBinary, "sync", "--data-dir", console])
        #expect(sync.status == 0, "\(sync.output)")
        return World(directory: directory, db: db, console: console, server: server)
    }

    /// A posted load and an available driver of a usable carrier, read from the server's file.
    func postedLoadAndDriver(_ world: World) throws -> (String, String) {
        try DatabaseQueue(path: world.db).read { db in
            let load = try String.fetchOne(db, sql: "SELECT id FROM loads WHERE status = 'posted' ORDER BY id LIMIT 1")!
            let driver = try String.fetchOne(db, sql: """
                SELECT d.id FROM drivers d JOIN carriers c ON c.id = d.carrier_id
                WHERE json_extract(d.body, '$.available') AND c.verdict != 'do-not-use' ORDER BY d.id LIMIT 1
                """)!
            return (load, driver)
        }
    }

    /// What the server holds: the load's driver and how many mutations it has consumed in all.
    func serverState(_ world: World, load: String) throws -> (driver: String?, consumed: Int) {
        try DatabaseQueue(path: world.db).read { db in
            (try String.fetchOne(db, sql: "SELECT driver_id FROM loads WHERE id = ?", arguments: [load]),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mutation_results") ?? -1)
        }
    }

    func integrity(_ path: String) throws -> String {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    @Test(arguments: ["enqueue-before-commit", "enqueue-after-commit", "push-before-send", "push-after-response"])
    func theConsoleKilledLosesNoAcknowledgedEditAndDuplicatesNone(at point: String) async throws {
        let world = try await start()
        defer { world.cleanUp() }
        let (load, driver) = try postedLoadAndDriver(world)
        var environment = ProcessInfo.processInfo.environment
        environment["DISPATCH_FAILPOINT"] = point
        let killed = try Spawn.run([Tmux.dispatchBinary, "assign", "--data-dir", world.console, load, driver],
                                   environment: environment)
        #expect(killed.status == 128 + SIGKILL, "killed at \(point): \(killed.output)")
        #expect(try integrity(world.mirror) == "ok", "the mirror survives kill -9 at \(point)")

        // Before the commit the edit was never acknowledged (the command had not returned):
        // it must be gone. From the commit on it must arrive exactly once.
        let acknowledged = point != "enqueue-before-commit"
        let outbox = try Spawn.run([Tmux.dispatchBinary, "outbox", "--data-dir", world.console])
        let serverBefore = try serverState(world, load: load)
        if !acknowledged {
            #expect(outbox.output.contains("outbox empty"), "\(outbox.output)")
        } else if point == "push-after-response" {
            #expect(serverBefore.consumed == 1, "the server applied it before the console died")
        } else {
            #expect(outbox.output.contains("1 pending"), "\(outbox.output)")
        }

        let sync = try Spawn.run([Tmux.dispatchBinary, "sync", "--data-dir", world.console])
        #expect(sync.status == 0, "\(sync.output)")
        let after = try serverState(world, load: load)
        #expect(after.driver == (acknowledged ? driver : nil), "at \(point)")
        #expect(after.consumed == (acknowledged ? 1 : 0), "applied exactly once (at \(point))")
        let again = try Spawn.run([Tmux.dispatchBinary, "outbox", "--data-dir", world.console])
        #expect(again.output.contains("outbox empty"), "\(again.output)")
    }

    @Test func dispatchdKilledAfterItsCommitAndBeforeItsAnswerAppliesTheEditOnce() async throws {
        var world = try await start(serverEnvironment: ["DISPATCH_FAILPOINT": "push-after-commit"])
        defer { world.cleanUp() }
        let (load, driver) = try postedLoadAndDriver(world)
        let assign = try Spawn.run([Tmux.dispatchBinary, "assign", "--data-dir", world.console, load, driver])
        #expect(assign.status == 0 && assign.output.contains("offline"), "the console keeps the edit: \(assign.output)")
        var status: Int32 = 0
        waitpid(world.server.pid, &status, 0)
        #expect(status & 0x7f == SIGKILL, "dispatchd died at the failpoint")
        #expect(try serverState(world, load: load).consumed == 1, "committed before it died")
        #expect(try integrity(world.db) == "ok")

        world.server = try await Dispatchd.serve(db: world.db, port: world.server.port,
                                                 log: world.directory.appendingPathComponent("serve2.log").path)
        let sync = try Spawn.run([Tmux.dispatchBinary, "sync", "--data-dir", world.console])
        #expect(sync.status == 0, "\(sync.output)")
        let after = try serverState(world, load: load)
        #expect(after.driver == driver && after.consumed == 1, "the retry got the stored result; applied once")
        let outbox = try Spawn.run([Tmux.dispatchBinary, "outbox", "--data-dir", world.console])
        #expect(outbox.output.contains("outbox empty"), "\(outbox.output)")
    }

    /// Row count and total JSON length per table: equal on both sides when the mirror holds
    /// exactly the server's rows of the dispatcher's organisation (a dispatcher sees every one).
    func fingerprint(_ path: String, organization: String? = nil) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try ["loads", "drivers", "carriers", "events", "invoices", "payouts"].map { table in
                let mine = organization == nil ? "" : " WHERE org = ?"
                let row = try Row.fetchOne(db, sql: "SELECT COUNT(*), TOTAL(LENGTH(body)) FROM \(table)\(mine)",
                                           arguments: StatementArguments(organization.map { [$0] } ?? []))!
                return "\(table) \(row[0] as Int) \(row[1] as Double)"
            }
        }
    }

    @Test func killedAtRandomMomentsDuringASnapshotTheConsoleResumesIntact() async throws {
        let world = try await start(loads: 4_000)
        defer { world.cleanUp() }
        let fresh = world.directory.appendingPathComponent("fresh").path
        let login = try Spawn.run([Tmux.dispatchBinary, "login", "--data-dir", fresh, "--server",
                                   "http://127.0.0.1:\(world.server.port)", "--user", "dispatch", "--password-stdin"],
                                  input: "dispatch\n")
        #expect(login.status == 0, "\(login.output)")
        var random = SystemRandomNumberGenerator()
        var killed = 0
        for _ in 0 ..< 6 {
            let log = world.directory.appendingPathComponent("sync-\(UUID().uuidString.prefix(6)).log").path
            let pid = try Spawn.start([Tmux.dispatchBinary, "sync", "--data-dir", fresh], outputPath: log)
            try await Task.sleep(for: .milliseconds(Int.random(in: 40 ... 400, using: &random)))
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == 0 {
                Spawn.stop(pid)
                killed += 1
            }
            #expect(try integrity(fresh + "/mirror.sqlite") == "ok", "the mirror survives kill -9 mid-sync")
        }
        let sync = try Spawn.run([Tmux.dispatchBinary, "sync", "--data-dir", fresh])
        #expect(sync.status == 0, "\(sync.output)")
        #expect(try fingerprint(fresh + "/mirror.sqlite") == (try fingerprint(world.db, organization: "Prairie Freight Brokers")),
                "after \(killed) kills the mirror holds exactly the server's rows")
    }
}
