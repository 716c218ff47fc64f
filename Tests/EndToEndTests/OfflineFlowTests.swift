import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The console against a separate dispatchd that is killed and restarted: an assignment made
/// while it is down stays pending on screen and is delivered exactly once when it is back.
@Suite("Offline under tmux", .serialized)
struct OfflineFlowTests {
    @Test func anAssignmentMadeOfflineIsDeliveredOnceWhenTheServerIsBack() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dispatch-offline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("server.sqlite").path
        let console = directory.appendingPathComponent("console").path
        let seeded = try Spawn.run([Tmux.dispatchdBinary, "seed", "--db", db, "--loads", "2000", "--drivers", "200",
                                    "--carriers", "60"])
        #expect(seeded.status == 0, "\(seeded.output)")

        var server = try await Dispatchd.serve(db: db, port: 0, log: directory.appendingPathComponent("serve1.log").path)
        let port = server.port
        let login = try Spawn.run([Tmux.dispatchBinary, "login", "--data-dir", console, "--server",
                                   "http://127.0.0.1:\(port)", "--user", "dispatch", "--password-stdin"],
                                  input: "dispatch\n")
        #expect(login.status == 0, "\(login.output)")

        let tmux = Tmux(logs: [console + "/dispatch.log", directory.appendingPathComponent("serve1.log").path,
                                directory.appendingPathComponent("serve2.log").path])
        defer { tmux.kill() }
        try tmux.start("\(Tmux.dispatchBinary) --data-dir \(console) --all; echo EXIT=$?; sleep 600")
        _ = try await tmux.waitFor("row 1 of 2,000")
        _ = try await tmux.waitFor("● online")

        // The server goes away; the console says so and keeps working.
        Spawn.stop(server.pid)
        _ = try await tmux.waitFor("○ offline", timeout: .seconds(20))
        try tmux.keys("/")
        _ = try await tmux.waitFor("Filter loads")
        try tmux.keys("Tab", "posted", "Enter")
        _ = try await tmux.waitForBoard("status=posted", firstRowContains: " posted ")
        try tmux.keys("a")
        let dialog = try await tmux.waitFor("Deadhead")
        let loadId = try #require(dialog.firstMatch(of: /Assign (L-\d+)/)?.1).description
        try tmux.keys("Enter")
        _ = try await tmux.waitFor("pending 1")

        // Back on the same port: the queued edit goes up without a key press.
        server = try await Dispatchd.serve(db: db, port: port, log: directory.appendingPathComponent("serve2.log").path)
        defer { Spawn.stop(server.pid) }
        let back = ContinuousClock.now
        _ = try await tmux.waitFor("confirmed", timeout: .seconds(15)) { $0.contains("pending 0") && $0.contains("● online") }
        print("offline edit confirmed \(ContinuousClock.now - back) after the server came back")
        try tmux.keys("q")
        _ = try await tmux.waitFor("EXIT=0")

        let sync = try Spawn.run([Tmux.dispatchBinary, "sync", "--data-dir", console])
        #expect(sync.output.contains("pushed 0"), "nothing left to push: \(sync.output)")
        let assigned = try Spawn.run([Tmux.dispatchBinary, "loads", "--data-dir", console, "--status", "assigned",
                                      "--limit", "10000"])
        #expect(assigned.output.contains("\(loadId) "))
        #expect(!assigned.output.contains("\(loadId)*"), "confirmed, no longer pending")
    }
}
