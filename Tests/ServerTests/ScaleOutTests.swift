import Foundation
import Testing
import Client
import Domain
import Server

@Suite("Several dispatchd instances on one PostgreSQL wake each other", .serialized,
       .enabled(if: TestPostgres.url != nil, "needs DISPATCH_TEST_POSTGRES_URL (scripts/test.sh sets it)"))
struct ScaleOutTests {
    @Test func aLongPollOnOneInstanceWakesWithinASecondOfAPushThroughAnother() async throws {
        let a = try await TestServer.start(store: .postgres, loads: 60, drivers: 8, carriers: 4)
        defer { Task { await a.stop() } }
        let second = try await DispatchServer(configuration: .init(storage: a.storage, port: 0))
        let b = try await second.start()
        defer { Task { await b.stop() } }

        let (desk, deskEngine, _) = try await a.console("desk")
        _ = try await deskEngine.syncOnce()
        let (loadId, driverId) = try await a.postedLoadAndDriver(in: desk)
        let cursor = try await desk.state("cursor")
        let (watcher, _) = try await a.client()
        var pusher = try DispatchClient(server: b.url)
        pusher.token = try await pusher.login(user: Seeder.dispatcherLogin.user, password: Seeder.dispatcherLogin.password).token

        async let woke = watcher.pull(cursor: cursor, clientId: "watcher", wait: 20)
        // Parked on A before B writes.
        for _ in 0 ..< 200 where await a.server.hub.waiting == 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await a.server.hub.waiting == 1, "the long-poll is parked on instance A")

        let pushed = ContinuousClock.now
        let response = try await pusher.push(PushRequest(clientId: "pusher-b", mutations: [
            MutationEnvelope(id: 1, mutation: .assignLoad(.init(loadId: loadId, driverId: driverId)),
                             createdAt: Int64(Date().timeIntervalSince1970)),
        ]))
        let answered = ContinuousClock.now
        #expect(response.results.first?.status == .applied)
        let page = try await woke
        let latency = ContinuousClock.now - pushed
        print("scale-out: a long-poll on instance A woke \(latency.formatted(.units(allowed: [.milliseconds]))) after "
              + "the push through instance B was sent (the push itself took "
              + "\((answered - pushed).formatted(.units(allowed: [.milliseconds]))))")
        #expect(page.loads.contains { $0.id == loadId && $0.driverId == driverId })
        #expect(latency < .seconds(1))
    }

    @Test func bothInstancesServeTheSameFeedAndMutationsApplyOnce() async throws {
        let a = try await TestServer.start(store: .postgres, loads: 40, drivers: 6, carriers: 3)
        defer { Task { await a.stop() } }
        let second = try await DispatchServer(configuration: .init(storage: a.storage, port: 0))
        let b = try await second.start()
        defer { Task { await b.stop() } }
        #expect(a.server.store.databaseId == second.store.databaseId, "one database, one cursor space")

        let (desk, deskEngine, _) = try await a.console("desk")
        _ = try await deskEngine.syncOnce()
        let (loadId, driverId) = try await a.postedLoadAndDriver(in: desk)
        var client = try DispatchClient(server: b.url)
        client.token = try await client.login(user: Seeder.dispatcherLogin.user, password: Seeder.dispatcherLogin.password).token
        let envelope = MutationEnvelope(id: 1, mutation: .assignLoad(.init(loadId: loadId, driverId: driverId)),
                                        createdAt: Int64(Date().timeIntervalSince1970))
        // The same push through B and then through A: applied once, replayed once.
        let first = try await client.push(PushRequest(clientId: "roaming", mutations: [envelope]))
        let viaA = try DispatchClient(server: a.url, token: client.token)
        let again = try await viaA.push(PushRequest(clientId: "roaming", mutations: [envelope]))
        #expect(first.results.first?.status == .applied)
        #expect(again.results.first?.replayed == true && again.lastMutationId == 1)
        #expect(try await a.consumedMutations("roaming").count == 1)
    }
}
