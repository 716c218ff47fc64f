import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import GRDB
import Client
import Domain
import Server
import Sync

@Suite("Operations: readiness, metrics, rate limits, GPS ingest", .serialized)
struct OperationsTests {
    func get(_ url: String, token: String? = nil) async throws -> (Int, String, HTTPURLResponse?) {
        var request = URLRequest(url: URL(string: url)!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, String(decoding: data, as: UTF8.self), http)
    }

    func post(_ url: String, _ body: String, token: String) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: StoreKind.available) func readinessAndMetricsTellWhatTheServerIsDoing(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store, loads: 40, drivers: 6, carriers: 3)
        defer { Task { await server.stop() } }
        let (ready, body, _) = try await get(server.url + "/ready")
        #expect(ready == 200 && body.contains("\"ready\""))

        let (mirror, engine, actor) = try await server.console("metrics")
        _ = try await engine.syncOnce()
        let (loadId, driverId) = try await server.postedLoadAndDriver(in: mirror)
        try await mirror.enqueue(.assignLoad(.init(loadId: loadId, driverId: driverId)), by: actor)
        // Refused by the server only: the local mirror has not seen the load being assigned elsewhere.
        try await server.assignBehindTheConsole(loadId: try await server.postedLoadAndDriver(in: mirror, skip: 1).0,
                                                driverId: driverId)
        try await mirror.enqueue(.assignLoad(.init(loadId: try await server.postedLoadAndDriver(in: mirror, skip: 1).0,
                                                   driverId: driverId)), by: actor)
        _ = try await engine.syncOnce()

        // A long-poll parked now shows in the waiters gauge.
        let (client, login) = try await server.client()
        let cursor = try await mirror.state("cursor")
        let parked = Task { try await client.pull(cursor: cursor, clientId: "watcher", wait: 10) }
        let waiting = try await waitUntil(seconds: 5) {
            try await get(server.url + "/metrics").1.contains("dispatchd_longpoll_waiters 1")
        }
        #expect(waiting != nil, "the parked long-poll is counted")
        parked.cancel()

        let (status, metrics, response) = try await get(server.url + "/metrics")
        #expect(status == 200 && response?.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("text/plain") == true)
        #expect(metrics.contains(#"dispatchd_request_duration_seconds_bucket{route="/v1/pull",method="GET",status="200""#))
        #expect(metrics.contains(#"dispatchd_mutations_total{outcome="applied"} 2"#))  // the console's assignment and the one made behind its back
        #expect(metrics.contains(#"dispatchd_mutations_total{outcome="rejected"} 1"#))
        #expect(metrics.contains("dispatchd_pushes_total "))
        #expect(metrics.contains("dispatchd_store_operations_in_flight"))
        _ = login
    }

    @Test func aTokenOverItsBudgetGets429WithRetryAfterAndOthersDoNot() async throws {
        var limits = ServerLimits()
        limits.requestsPerSecond = 1
        limits.requestBurst = 3
        let server = try await TestServer.start(loads: 10, drivers: 3, carriers: 2, limits: limits)
        defer { Task { await server.stop() } }
        let (_, busy) = try await server.client()
        let (_, calm) = try await server.client()
        var statuses: [Int] = []
        var retryAfter: String?
        var body = ""
        for _ in 0 ..< 5 {
            let (status, text, response) = try await get(server.url + "/v1/pull?clientId=x&limit=1", token: busy.token)
            statuses.append(status)
            if status == 429 {
                retryAfter = response?.value(forHTTPHeaderField: "Retry-After")
                body = text
            }
        }
        #expect(statuses.prefix(3).allSatisfy { $0 == 200 } && statuses.suffix(2).allSatisfy { $0 == 429 }, "\(statuses)")
        #expect(retryAfter == "1")
        #expect(body.contains(#""code":"rate_limited""#))
        #expect(try await get(server.url + "/v1/pull?clientId=y&limit=1", token: calm.token).0 == 200, "another token is not limited")
        #expect(try await get(server.url + "/metrics").1.contains("dispatchd_rate_limited_total 2"))
    }

    @Test func theTokenBucketRefillsAtItsRate() {
        var bucket = TokenBucket(rate: 2, burst: 2, now: 0)
        #expect(bucket.take(now: 0).allowed && bucket.take(now: 0).allowed)
        let refused = bucket.take(now: 0)
        #expect(!refused.allowed && refused.retryAfter == 0.5)
        #expect(bucket.take(now: 0.5).allowed, "one token back after half a second at 2/s")
        #expect(!bucket.take(now: 0.6).allowed)
        #expect(bucket.take(now: 10).allowed && bucket.take(now: 10).allowed && !bucket.take(now: 10).allowed,
                "never more than the burst")
    }

    @Test(arguments: StoreKind.available) func pingsAreStoredAndTheFeedCarriesOnlyTheLatestPositionPerDriver(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store, loads: 20, drivers: 5, carriers: 2)
        defer { Task { await server.stop() } }
        let (desk, deskEngine, _) = try await server.console("desk")
        _ = try await deskEngine.syncOnce()
        let driverId = try await server.usableDrivers(in: desk, count: 1)[0]
        let (_, truck) = try await server.client(as: driverId.lowercased(), password: Seeder.driverPassword)
        let now = Int64(Date().timeIntervalSince1970)
        let pings = (1 ... 3).map { #"{"lat":\#(35.0 + Double($0) / 10),"lon":-97.5,"at":\#(now - 30 + Int64($0)),"speedMph":61}"# }
        let (status, body) = try await post(server.url + "/v1/positions", #"{"pings":[\#(pings.joined(separator: ","))]}"#,
                                            token: truck.token)
        #expect(status == 200 && body.contains(#""accepted":3"#) && body.contains(#""driversUpdated":1"#), "\(body)")

        let report = try await deskEngine.syncOnce()
        #expect(report.pulledRows == 1, "one driver row, not three pings")
        let driver = try await MirrorQueries(mirror: desk).driver(driverId)
        #expect(driver?.lat == 35.3 && driver?.positionAt == now - 27)
        #expect(try await server.server.store.positions(of: driverId).count == 3, "the history keeps every ping")

        // An older ping is history only: the live position does not go back.
        _ = try await post(server.url + "/v1/positions", #"{"pings":[{"lat":30,"lon":-90,"at":\#(now - 600)}]}"#, token: truck.token)
        #expect(try await deskEngine.syncOnce().pulledRows == 0)

        let (other, _) = try await post(server.url + "/v1/positions", #"{"pings":[{"driverId":"D-9999","lat":1,"lon":1,"at":\#(now)}]}"#,
                                        token: truck.token)
        #expect(other == 403, "a driver reports only its own position")
        let (bad, badBody) = try await post(server.url + "/v1/positions", #"{"pings":[{"lat":1,"lon":1,"at":\#(now)},{"lat":123,"lon":1,"at":\#(now)}]}"#,
                                            token: truck.token)
        #expect(bad == 400 && badBody.contains("pings[1].lat: 123"), "\(badBody)")
        let (_, books) = try await server.client(as: "accounting", password: "accounting")
        #expect(try await post(server.url + "/v1/positions", #"{"pings":[{"lat":1,"lon":1,"at":\#(now)}]}"#, token: books.token).0 == 403)

        #expect(try await server.server.store.prunePositions(before: now - 60) == 1, "the 10-minute-old ping is past a 1-minute horizon")
        #expect(try await server.server.store.positions(of: driverId).count == 3)
    }
}

extension TestServer {
    /// Another dispatcher assigns a load, unseen by the console under test.
    func assignBehindTheConsole(loadId: String, driverId: String) async throws {
        let (client, _) = try await client()
        let response = try await client.push(PushRequest(clientId: "other-desk-\(UUID().uuidString.prefix(6))", mutations: [
            MutationEnvelope(id: 1, mutation: .assignLoad(.init(loadId: loadId, driverId: driverId)), createdAt: 0),
        ]))
        guard response.results.first?.status == .applied else { throw ClientError.badResponse("setup assign refused") }
    }
}
