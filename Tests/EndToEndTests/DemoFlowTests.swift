import Foundation
import Testing

/// The real `dispatch demo` in a real terminal: seed, sync, browse, filter, assign, resize, quit.
@Suite("End to end under tmux", .serialized)
struct DemoFlowTests {
    @Test func aDispatcherFiltersAssignsAndQuits() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dispatch-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = Tmux(logs: [directory.path + "/dispatchd.log"])
        defer { tmux.kill() }
        try tmux.start("env LANG=C.UTF-8 \(Tmux.dispatchBinary) demo --dir \(directory.path) --loads 3000 --all; echo EXIT=$?; sleep 600")

        // Seeded, served, synced and drawn.
        var screen = try await tmux.waitFor("row 1 of 3,000", timeout: .seconds(120))
        #expect(screen.contains("1 Loads"))
        screen = try await tmux.waitFor("● online")
        #expect(screen.contains("dispatcher dispatch"))

        // Scroll to the end and back.
        try tmux.keys("End")
        _ = try await tmux.waitFor("row 3,000 of 3,000")
        try tmux.keys("Home")
        _ = try await tmux.waitFor("row 1 of 3,000")

        // Filter by status and a radius around a city; a non-numeric rate is refused in place.
        try tmux.keys("/")
        _ = try await tmux.waitFor("Filter loads")
        try tmux.keys("Tab", "posted", "Tab", "Dallas, TX 250", "Tab", "Tab", "Tab", "Tab", "Tab", "abc", "Enter")
        _ = try await tmux.waitFor("not a number")
        try tmux.keys("BSpace", "BSpace", "BSpace", "Enter")
        screen = try await tmux.waitForBoard("status=posted from Dallas, TX +250mi", firstRowContains: " posted ")
        #expect(!screen.contains("Filter loads"))
        #expect(screen.firstMatch(of: #/\n.{1,2}(L-\d+) /#) != nil)

        // Open the load: its detail lists stops, the timeline and the best drivers.
        try tmux.keys("Enter")
        // The fleet moves while the test types, so the selected row is read from the detail itself.
        screen = try await tmux.waitFor("detail with best drivers") { $0.contains("┌─ Load L-") && $0.contains("Best drivers") }
        let detailId = try #require(screen.firstMatch(of: /Load (L-\d+)/)?.1).description
        #expect(screen.contains("Pickup"))
        #expect(screen.contains("Timeline"))

        // Assign the best driver from the detail: pending at once, then confirmed by the server.
        try tmux.keys("a")
        screen = try await tmux.waitFor("candidates") { $0.contains("Deadhead") && $0.firstMatch(of: /\s(D-\d+)\s/) != nil }
        let loadId = try #require(screen.firstMatch(of: /Assign (L-\d+)/)?.1).description
        #expect(loadId == detailId)
        let driverId = try #require(screen.firstMatch(of: /\s(D-\d+)\s/)?.1).description
        try tmux.keys("Enter")
        _ = try await tmux.waitFor("confirmation", timeout: .seconds(10)) {
            ($0.contains("assign \(loadId) to") || $0.contains("all edits synced")) && $0.contains("pending 0")
        }
        _ = try await tmux.waitFor("\(loadId) off the posted board") { screen in
            !screen.split(separator: "\n").contains { $0.hasPrefix("  \(loadId) ") }
        }

        // See the driver on the map, followed.
        try tmux.keys(":follow \(driverId)", "Enter")
        screen = try await tmux.waitFor("map following \(driverId)") { $0.contains("@ \(driverId)") && $0.contains("d driver") }
        #expect(screen.contains("@"))
        try tmux.keys("1")
        _ = try await tmux.waitFor("status=posted")

        // A resize in the middle of a dialog, and below the minimum.
        try tmux.keys("?")
        _ = try await tmux.waitFor("Keys")
        try tmux.resize(width: 70, height: 20)
        _ = try await tmux.waitFor("too small")
        try tmux.resize(width: 120, height: 40)
        _ = try await tmux.waitFor("status=posted")
        try tmux.keys("Escape")

        // The other panes show mirror data.
        try tmux.keys("3")
        _ = try await tmux.waitFor("DO-NOT-USE")
        try tmux.keys("4")
        _ = try await tmux.waitFor("aging 0-30")

        try tmux.keys("q")
        _ = try await tmux.waitFor("EXIT=0")

        // The assignment reached the server: the CLI on the same console sees it confirmed.
        let cli = try Spawn.run([Tmux.dispatchBinary, "outbox", "--data-dir",
                                 directory.appendingPathComponent("console-dispatch").path],
                                environment: ProcessInfo.processInfo.environment)
        #expect(cli.status == 0)
        #expect(cli.output.contains("outbox empty"))
        let loads = try Spawn.run([Tmux.dispatchBinary, "loads", "--status", "assigned", "--limit", "10000", "--data-dir",
                                   directory.appendingPathComponent("console-dispatch").path],
                                  environment: ProcessInfo.processInfo.environment)
        #expect(loads.output.contains("\(loadId) "), "the assigned load is in the mirror as assigned")
    }
}
