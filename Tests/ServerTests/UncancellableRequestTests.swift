import Foundation
import Testing
import Client
import Domain

/// A caller's cancellation never reaches URLSession: on Linux, cancelling an in-flight task can
/// race its completion inside FoundationNetworking and kill the process (a console died that way
/// in CI when the server went away as a long-poll was abandoned). A request whose caller was
/// cancelled still runs to the server's answer; the engine abandons by not waiting for it.
@Suite("Requests are not cancelled under FoundationNetworking")
struct UncancellableRequestTests {
    @Test func aCancelledCallerStillGetsTheServersAnswer() async throws {
        let server = try await TestServer.start(loads: 5)
        defer { Task { await server.stop() } }
        let client = try DispatchClient(server: server.url)
        let caller = Task { try await client.health() }
        caller.cancel()
        // Cancelled before it started: URLSession would have failed it as cancelled at once.
        let health = try await caller.value
        #expect(health.status == "ok")
    }
}
