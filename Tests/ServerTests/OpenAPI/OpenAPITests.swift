import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import Client
import Domain
import Server
import Sync

@Suite("docs/openapi.yaml describes what dispatchd really answers", .serialized)
struct OpenAPITests {
    /// One exchange with the real server, checked against the spec.
    struct Exchange {
        var method: String
        var path: String
        var query: String = ""
        var body: String?
        var token: String?
    }

    func send(_ exchange: Exchange, to server: TestServer) async throws -> (Int, Data, HTTPURLResponse?) {
        var request = URLRequest(url: URL(string: server.url + exchange.path + exchange.query)!)
        request.httpMethod = exchange.method
        if let body = exchange.body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token = exchange.token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data, response as? HTTPURLResponse)
    }

    @Test(arguments: StoreKind.available) func everyResponseMatchesItsDocumentedSchema(store: StoreKind) async throws {
        let spec = try OpenAPISpec()
        var limits = ServerLimits()
        // A budget that runs out within the loop below however slow the machine is.
        limits.requestsPerSecond = 0.5
        limits.requestBurst = 45
        let server = try await TestServer.start(store: store, loads: 60, drivers: 8, carriers: 4, limits: limits)
        defer { Task { await server.stop() } }
        let (_, desk) = try await server.client()
        let (deskMirror, deskEngine, dispatcher) = try await server.console("desk")
        _ = try await deskEngine.syncOnce()
        let driverId = try await server.usableDrivers(in: deskMirror, count: 1)[0]
        let (loadId, _) = try await server.postedLoadAndDriver(in: deskMirror)
        // A move-out, so a driver's pull carries a tombstone.
        try await deskMirror.enqueue(.assignLoad(.init(loadId: loadId, driverId: driverId)), by: dispatcher)
        _ = try await deskEngine.syncOnce()
        let (_, truck) = try await server.client(as: driverId.lowercased(), password: Seeder.driverPassword)
        let (truckClient, _) = try await server.client(as: driverId.lowercased(), password: Seeder.driverPassword)
        let truckCursor = try await truckClient.pull(cursor: nil, clientId: "t").cursor
        try await deskMirror.enqueue(.unassignLoad(.init(loadId: loadId)), by: dispatcher)
        _ = try await deskEngine.syncOnce()
        let (_, leaving) = try await server.client()
        let now = Int64(Date().timeIntervalSince1970)
        let push = #"{"clientId":"spec","mutations":[{"id":1,"name":"addNote","args":{"noteId":"n1","loadId":"\#(loadId)","text":"hi","at":\#(now)}},{"id":2,"name":"assignLoad","args":{"loadId":"L-0","driverId":"D-1"}}]}"#

        let exchanges: [Exchange] = [
            Exchange(method: "GET", path: "/health"),
            Exchange(method: "GET", path: "/ready"),
            Exchange(method: "POST", path: "/v1/login", body: #"{"user":"dispatch","password":"dispatch"}"#),
            Exchange(method: "POST", path: "/v1/login", body: #"{"user":"\#(driverId.lowercased())","password":"driver"}"#),
            Exchange(method: "POST", path: "/v1/login", body: #"{"user":"dispatch","password":"nope"}"#),
            Exchange(method: "POST", path: "/v1/login", body: "{"),
            Exchange(method: "GET", path: "/v1/pull", query: "?clientId=spec&limit=500", token: desk.token),
            Exchange(method: "GET", path: "/v1/pull", query: "?clientId=spec", token: truck.token),
            Exchange(method: "GET", path: "/v1/pull", query: "?clientId=t&cursor=\(truckCursor)", token: truck.token),
            Exchange(method: "GET", path: "/v1/pull", query: "?cursor=nonsense", token: desk.token),
            Exchange(method: "GET", path: "/v1/pull", query: "?limit=0", token: desk.token),
            Exchange(method: "GET", path: "/v1/pull"),
            Exchange(method: "POST", path: "/v1/push", body: push, token: desk.token),
            Exchange(method: "POST", path: "/v1/push", body: push, token: desk.token),
            Exchange(method: "POST", path: "/v1/push", body: #"{"clientId":"spec","mutations":[{"id":7,"name":"addNote","args":{}}]}"#, token: desk.token),
            Exchange(method: "POST", path: "/v1/push", body: #"{"clientId":"spec","mutations":[{"id":9,"name":"unassignLoad","args":{"loadId":"L-1"}}]}"#, token: desk.token),
            Exchange(method: "POST", path: "/v1/positions", body: #"{"pings":[{"lat":35,"lon":-97,"at":\#(now)}]}"#, token: truck.token),
            Exchange(method: "POST", path: "/v1/positions", body: #"{"pings":[{"lat":350,"lon":-97,"at":\#(now)}]}"#, token: truck.token),
            Exchange(method: "POST", path: "/v1/positions", body: #"{"pings":[{"driverId":"D-9999","lat":35,"lon":-97,"at":\#(now)}]}"#, token: truck.token),
            Exchange(method: "POST", path: "/v1/logout", token: leaving.token),
            Exchange(method: "POST", path: "/v1/logout", token: leaving.token),
        ]
        var seen: Set<String> = []
        for exchange in exchanges {
            let (status, data, _) = try await send(exchange, to: server)
            let name = "\(exchange.method) \(exchange.path)\(exchange.query) → \(status)"
            seen.insert("\(exchange.path) \(status)")
            if status == 204 {
                #expect(spec.response(exchange.path, exchange.method, 204) != nil, "\(name) is not documented")
                #expect(data.isEmpty, "\(name) has a body")
                continue
            }
            guard let schema = spec.jsonSchema(exchange.path, exchange.method, status) else {
                Issue.record("\(name) is not documented")
                continue
            }
            let problems = spec.problems(try JSONValue.parse(data), schema)
            #expect(problems.isEmpty, "\(name): \(problems.prefix(5)) in \(String(decoding: data.prefix(300), as: UTF8.self))")
        }

        // The rate limit, with its header.
        var limited: HTTPURLResponse?
        for _ in 0 ..< 80 where limited == nil {
            let (status, data, response) = try await send(Exchange(method: "GET", path: "/v1/pull", query: "?limit=1", token: truck.token), to: server)
            if status == 429 {
                limited = response
                let schema = try #require(spec.jsonSchema("/v1/pull", "GET", 429))
                #expect(spec.problems(try JSONValue.parse(data), schema).isEmpty)
            }
        }
        #expect(limited?.value(forHTTPHeaderField: "Retry-After") != nil)
        #expect(spec.response("/v1/pull", "GET", 429)?["headers"] != nil, "Retry-After is documented")

        let (metricsStatus, metrics, _) = try await send(Exchange(method: "GET", path: "/metrics"), to: server)
        #expect(metricsStatus == 200 && spec.response("/metrics", "GET", 200) != nil)
        #expect(String(decoding: metrics, as: UTF8.self).contains("dispatchd_pulls_total"))

        // Every documented path was exercised.
        for path in spec.paths.keys where path != "/metrics" {
            #expect(seen.contains { $0.hasPrefix(path + " ") }, "\(path) is documented but not exercised")
        }
    }
}
