import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import GRDB
#if canImport(Glibc)
import Glibc
#endif

@Suite("dispatchd on SIGTERM", .serialized)
struct GracefulShutdownTests {
    @Test func sigtermFinishesThePushInFlightThenExitsCleanly() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dispatch-term-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("server.sqlite").path
        let seeded = try Spawn.run([Tmux.dispatchdBinary, "seed", "--db", db, "--loads", "100", "--drivers", "10", "--carriers", "4"])
        #expect(seeded.status == 0, "\(seeded.output)")
        var environment = ProcessInfo.processInfo.environment
        environment["DISPATCH_FAILPOINT"] = "push-before-commit:sleep=1500"
        let log = directory.appendingPathComponent("serve.log").path
        let server = try await Dispatchd.serve(db: db, port: 0, log: log, environment: environment)
        let base = "http://127.0.0.1:\(server.port)"

        var login = URLRequest(url: URL(string: base + "/v1/login")!)
        login.httpMethod = "POST"
        login.httpBody = Data(#"{"user":"dispatch","password":"dispatch"}"#.utf8)
        let (loginData, _) = try await URLSession.shared.data(for: login)
        let token = try #require(String(decoding: loginData, as: UTF8.self).firstMatch(of: /"token":"([^"]+)"/)?.1)

        var push = URLRequest(url: URL(string: base + "/v1/push")!)
        push.httpMethod = "POST"
        push.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        push.httpBody = Data(#"{"clientId":"term","mutations":[{"id":1,"name":"addNote","args":{"noteId":"n","loadId":"L-1","text":"in flight","at":1}}]}"#.utf8)
        let inFlight = Task { try await URLSession.shared.data(for: push) }
        try await Task.sleep(for: .milliseconds(400))
        let signalled = ContinuousClock.now
        kill(server.pid, SIGTERM)

        let (data, response) = try await inFlight.value
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "the push in flight was answered")
        #expect(String(decoding: data, as: UTF8.self).contains(#""status":"applied""#))
        var status: Int32 = 0
        waitpid(server.pid, &status, 0)
        #expect((status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0, "exited 0 after finishing it")
        print("dispatchd exited \(ContinuousClock.now - signalled) after SIGTERM, with a push in flight")
        let stored = try await DatabaseQueue(path: db).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mutation_results WHERE client_id = 'term'")
        }
        #expect(stored == 1, "and its effect was committed")
    }
}
