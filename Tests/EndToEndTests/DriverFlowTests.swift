import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Driver mode at 40x20 against a real dispatchd: confirm arrival, lose the server, confirm
/// loaded (pending), get the server back (pending reaches 0), finish with a signed POD, and a
/// dispatcher's `dispatch events` sees every report.
@Suite("Driver flow under tmux", .serialized)
struct DriverFlowTests {
    /// A posted load assigned, through the dispatcher's CLI, to a driver who has no other loads.
    func assignFreshLoad(dispatcher: String) throws -> (load: String, driver: String) {
        let listed = try Spawn.run([Tmux.dispatchBinary, "loads", "--data-dir", dispatcher, "--limit", "10000", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]],
                                "loads --json: \(listed.output.prefix(300))")
        let busy = Set(rows.compactMap { $0["driverId"] as? String })
        let load = try #require(rows.first { $0["status"] as? String == "posted" }?["id"] as? String)
        for n in 1...200 where !busy.contains("D-\(n)") {
            let assigned = try Spawn.run([Tmux.dispatchBinary, "assign", load, "D-\(n)", "--data-dir", dispatcher])
            if assigned.status == 0, assigned.output.contains("confirmed") { return (load, "D-\(n)") }
        }
        throw Spawn.Failure(description: "no free driver took \(load)")
    }

    /// Waits until the selected load's last report is confirmed (no "pending sync" mark) and `text` is on screen.
    func confirmed(_ tmux: Tmux, _ text: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await tmux.waitFor("'\(text)' confirmed", timeout: timeout) {
            $0.contains(text) && $0.contains("pending 0") && !$0.contains("pending sync") && $0.contains("● online")
        }
    }

    @Test func aDriverConfirmsStopsOfflineAndTheDispatcherSeesThem() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dispatch-driver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("server.sqlite").path
        let dispatcher = directory.appendingPathComponent("dispatcher").path
        let driverDir = directory.appendingPathComponent("driver").path
        let seeded = try Spawn.run([Tmux.dispatchdBinary, "seed", "--db", db, "--loads", "300", "--drivers", "200",
                                    "--carriers", "12"])
        #expect(seeded.status == 0, "\(seeded.output)")
        var server = try await Dispatchd.serve(db: db, port: 0, log: directory.appendingPathComponent("serve1.log").path)
        let port = server.port
        defer { Spawn.stop(server.pid) }
        let url = "http://127.0.0.1:\(port)"
        let login = try Spawn.run([Tmux.dispatchBinary, "login", "--data-dir", dispatcher, "--server", url,
                                   "--user", "dispatch", "--password-stdin"], input: "dispatch\n")
        #expect(login.status == 0, "\(login.output)")
        #expect(try Spawn.run([Tmux.dispatchBinary, "sync", "--data-dir", dispatcher]).status == 0)
        let (loadId, driverId) = try assignFreshLoad(dispatcher: dispatcher)
        let driverLogin = try Spawn.run([Tmux.dispatchBinary, "login", "--data-dir", driverDir, "--server", url,
                                         "--user", driverId.lowercased(), "--password-stdin"], input: "driver\n")
        #expect(driverLogin.status == 0, "\(driverLogin.output)")

        let tmux = Tmux(logs: [driverDir + "/dispatch.log", directory.appendingPathComponent("serve1.log").path,
                                directory.appendingPathComponent("serve2.log").path])
        defer { tmux.kill() }
        try tmux.start("\(Tmux.dispatchBinary) driver --data-dir \(driverDir); echo EXIT=$?; sleep 600", width: 40, height: 20)
        _ = try await tmux.waitFor("my load") { $0.contains(loadId) && $0.contains("● online") }

        // Arrival: the dialog says what will be recorded, Enter records it, the server confirms it.
        try tmux.keys("c")
        // Until the whole dialog is on screen: tmux can capture a frame it has only half read.
        let dialog = try await tmux.waitFor("Confirm \(loadId)") {
            $0.contains("Confirm \(loadId)") && ($0.contains("(stop)") || $0.contains("my GPS"))
        }
        #expect(dialog.contains("arrived at pickup (X3)"), "\(dialog)")
        #expect(dialog.contains("now, local"), "\(dialog)")
        #expect(dialog.contains("(stop)") || dialog.contains("my GPS"), "\(dialog)")
        try tmux.keys("Enter")
        _ = try await confirmed(tmux, "X3 at pickup")

        // The server goes away: loaded is queued and shown pending.
        Spawn.stop(server.pid)
        _ = try await tmux.waitFor("○ offline", timeout: .seconds(20))
        try tmux.keys("c")
        _ = try await tmux.waitFor("loaded (CP)")
        try tmux.keys("Enter")
        _ = try await tmux.waitFor("pending 1") { $0.contains("pending 1") && $0.contains("pending sync") && $0.contains("CP loaded") }

        // Back on the same port: the queue drains without a key press.
        server = try await Dispatchd.serve(db: db, port: port, log: directory.appendingPathComponent("serve2.log").path)
        _ = try await confirmed(tmux, "CP loaded")

        // On to delivery; proof of delivery needs the signer's name.
        try tmux.keys("c")
        _ = try await tmux.waitFor("departed pickup (AF)")
        try tmux.keys("Enter")
        _ = try await confirmed(tmux, "AF departed")
        try tmux.keys("c")
        _ = try await tmux.waitFor("arrived at delivery (X1)")
        try tmux.keys("Enter")
        _ = try await confirmed(tmux, "X1 at deliv")
        try tmux.keys("c")
        _ = try await tmux.waitFor("delivered (POD)")
        try tmux.keys("Enter")
        _ = try await tmux.waitFor("error: the signer's name is")
        try tmux.keys("Jane Smith")
        _ = try await tmux.waitFor("Signed by Jane Smith")
        try tmux.keys("Enter")
        _ = try await confirmed(tmux, "POD delivered")
        try tmux.keys("q")
        _ = try await tmux.waitFor("EXIT=0")

        // The dispatcher sees every report the driver made, the one made offline included.
        let events = try Spawn.run([Tmux.dispatchBinary, "events", loadId, "--sync", "--data-dir", dispatcher])
        #expect(events.status == 0, "\(events.output)")
        for code in ["X3", "CP", "AF", "X1", "POD"] {
            #expect(events.output.contains("  \(code)  "), "\(code) missing:\n\(events.output)")
        }
        #expect(events.output.contains("POD signed by Jane Smith"), "\(events.output)")
        let json = try Spawn.run([Tmux.dispatchBinary, "events", loadId, "--json", "--data-dir", dispatcher])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(list.count == 5)
        #expect(list.last?["podSigner"] as? String == "Jane Smith")
        #expect(list.allSatisfy { ($0["recordedBy"] as? String) == driverId.lowercased() })
    }
}
