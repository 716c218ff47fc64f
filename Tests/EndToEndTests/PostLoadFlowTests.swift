import Foundation
import Testing

/// A dispatcher posts a load from the form in the real console, finds it on the board and assigns it.
@Suite("Posting a load under tmux", .serialized)
struct PostLoadFlowTests {
    @Test func aDispatcherPostsALoadFromTheFormAndAssignsIt() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dispatch-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = Tmux(logs: [directory.path + "/dispatchd.log"])
        defer { tmux.kill() }
        try tmux.start("env LANG=C.UTF-8 \(Tmux.dispatchBinary) demo --dir \(directory.path) --loads 2000; echo EXIT=$?; sleep 600",
                       width: 120, height: 40)
        _ = try await tmux.waitFor("● online", timeout: .seconds(120))

        try tmux.keys("n")
        _ = try await tmux.waitFor("Post a load")
        // A bad weight and an unknown city are refused beside their fields; what was typed stays.
        try tmux.keys("Lone Star Paper", "Tab", "PO-TMUX-1", "Tab", "paper rolls", "Tab", "V", "Tab", "-40", "Enter")
        var screen = try await tmux.waitFor("must be between 1 and 150,000 lbs")
        #expect(screen.contains("Lone Star Paper") && screen.contains("PO-TMUX-1"))
        try tmux.keys("BSpace", "BSpace", "BSpace", "42000", "Tab", "Tab", "Tab", "Tab", "2400", "Tab", "Tab", "Tab",
                      "dallas, t", "Tab")
        _ = try await tmux.waitFor("Dallas, TX")
        try tmux.keys("Tab", "tomorrow 08:00-10:00", "Tab", "Tab", "Tab", "memphis", "Tab")
        _ = try await tmux.waitFor("Memphis, TN")
        try tmux.keys("Tab", "tomorrow 20:00-23:00", "Enter")
        screen = try await tmux.waitFor("posted and synced") { !$0.contains("Post a load") && $0.contains("pending 0") }

        // Found by its reference, then assigned to the best driver.
        try tmux.keys("/", "PO-TMUX-1", "Enter")
        // Read from the row that carries the reference: the rows of the board before the filter
        // applied may still be on screen beside the new count.
        screen = try await tmux.waitFor("the new load on the board") {
            $0.contains("row 1 of 1") && $0.firstMatch(of: /\s(L-[0-9A-Z]+)\s+posted[^\n]*PO-TMUX-1/) != nil
        }
        let loadId = try #require(screen.firstMatch(of: /\s(L-[0-9A-Z]+)\s+posted[^\n]*PO-TMUX-1/)?.1).description
        #expect(screen.contains("Memphis, TN"))
        try tmux.keys("a")
        screen = try await tmux.waitFor("candidates") { $0.contains("Deadhead") && $0.firstMatch(of: /\s(D-\d+)\s/) != nil }
        try tmux.keys("Enter")
        _ = try await tmux.waitFor("assigned and synced") {
            $0.contains("\(loadId)") && $0.contains("assigned") && $0.contains("pending 0")
        }
        try tmux.keys("q")
        _ = try await tmux.waitFor("EXIT=0")
    }
}
