import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import Domain
import Server

@Suite("Malformed requests get a JSON 4xx and change nothing", .serialized)
struct BadInputTests {
    func send(_ server: TestServer, _ path: String, body: Data, token: String?) async throws -> (Int, ErrorBody?) {
        var request = URLRequest(url: URL(string: server.url + path)!)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return (status, try? JSONDecoder.wire.decode(ErrorBody.self, from: data))
    }

    @Test(arguments: StoreKind.available) func badPushesAreRefused(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store, loads: 30, drivers: 5, carriers: 3)
        defer { Task { await server.stop() } }
        let (_, login) = try await server.client()
        let sequenceBefore = try await server.server.store.currentSequence()

        let cases: [(String, Data, Int, String)] = [
            ("malformed", Data("{not json".utf8), 400, "bad_json"),
            ("missing field", Data(#"{"mutations":[]}"#.utf8), 400, "bad_json"),
            ("unknown mutation", Data(#"{"clientId":"c","mutations":[{"id":1,"name":"dropTables","args":{}}]}"#.utf8), 400, "bad_json"),
            ("wrong type", Data(#"{"clientId":"c","mutations":[{"id":1,"name":"assignLoad","args":{"loadId":1,"driverId":"D-1"}}]}"#.utf8), 400, "bad_json"),
            ("future id", Data(#"{"clientId":"c","mutations":[{"id":9,"name":"unassignLoad","args":{"loadId":"L-1"}}]}"#.utf8), 400, "mutation_gap"),
            ("oversized", Data(("{\"clientId\":\"c\",\"pad\":\"" + String(repeating: "x", count: 2 << 20) + "\"}").utf8), 413, "payload_too_large"),
        ]
        for (name, body, status, code) in cases {
            let (got, error) = try await send(server, "/v1/push", body: body, token: login.token)
            #expect(got == status, "\(name)")
            #expect(error?.error.code == code, "\(name)")
            #expect(error?.error.message.isEmpty == false, "\(name)")
        }
        let (_, driver) = try await server.client(as: "d-1", password: Seeder.driverPassword)
        let (forbidden, refusal) = try await send(server, "/v1/push", body: Data(
            #"{"clientId":"truck","mutations":[{"id":1,"name":"assignLoad","args":{"loadId":"L-1","driverId":"D-1"}}]}"#.utf8),
            token: driver.token)
        #expect(forbidden == 403 && refusal?.error.code == "forbidden", "a driver token may not dispatch")
        #expect(refusal?.error.message.contains("may not assignLoad") == true)
        let (unauthorized, error) = try await send(server, "/v1/push", body: Data("{}".utf8), token: "forged")
        #expect(unauthorized == 401 && error?.error.code == "unauthorized")
        #expect(try await server.server.store.currentSequence() == sequenceBefore, "nothing was stored")
    }

    @Test(arguments: StoreKind.available) func unknownRoutesAndOldProtocolsAnswerInJSON(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store, loads: 5, drivers: 2, carriers: 2)
        defer { Task { await server.stop() } }
        let (status, error) = try await send(server, "/v1/nothing", body: Data(), token: nil)
        #expect(status == 404 || status == 401)
        #expect(error != nil)
        var request = URLRequest(url: URL(string: server.url + "/v1/login")!)
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"user":"dispatch","password":"dispatch"}"#.utf8)
        request.setValue("0", forHTTPHeaderField: ProtocolVersion.header)
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 426)
        #expect(try JSONDecoder.wire.decode(ErrorBody.self, from: data).error.code == "unsupported_protocol")
    }

    /// A method a path does not declare: 405 with `Allow` and the JSON error body, before any
    /// token is asked for, and nothing changes.
    @Test func undeclaredMethodsGet405WithAllow() async throws {
        let server = try await TestServer.start(store: .sqlite, loads: 5, drivers: 2, carriers: 2)
        defer { Task { await server.stop() } }
        for (method, path, allow) in [("GET", "/v1/push", "POST"), ("DELETE", "/v1/pull", "GET, HEAD"),
                                      ("PUT", "/v1/login", "POST"), ("PATCH", "/health", "GET, HEAD"),
                                      ("POST", "/metrics", "GET, HEAD"), ("OPTIONS", "/v1/positions", "POST")] {
            var request = URLRequest(url: URL(string: server.url + path)!)
            request.httpMethod = method
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 405, "\(method) \(path)")
            #expect(http.value(forHTTPHeaderField: "Allow") == allow, "\(method) \(path)")
            let body = try JSONDecoder.wire.decode(ErrorBody.self, from: data)
            #expect(body.error.code == "method_not_allowed")
            #expect(body.error.message == "\(method) is not allowed here; use \(allow.replacingOccurrences(of: ", ", with: " or "))")
        }
        // The declared methods still work.
        var health = URLRequest(url: URL(string: server.url + "/health")!)
        health.httpMethod = "GET"
        let (_, ok) = try await URLSession.shared.data(for: health)
        #expect((ok as? HTTPURLResponse)?.statusCode == 200)
    }

    @Test(arguments: StoreKind.available) func anExpiredTokenIsRefusedWithoutLeakingAnything(store: StoreKind) async throws {
        var limits = ServerLimits()
        limits.tokenLifetime = 0
        let server = try await TestServer.start(store: store, loads: 5, drivers: 2, carriers: 2, limits: limits)
        defer { Task { await server.stop() } }
        let (_, login) = try await server.client()
        var request = URLRequest(url: URL(string: server.url + "/v1/pull")!)
        request.setValue("Bearer \(login.token)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 401)
        let body = try JSONDecoder.wire.decode(ErrorBody.self, from: data)
        #expect(body.error.code == "unauthorized" && body.error.message.contains("expired"))
        #expect(!String(decoding: data, as: UTF8.self).contains(login.token), "the token is not echoed back")
    }
}
