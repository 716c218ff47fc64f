import Foundation
import Testing
import Client
import Domain
import Server
import PostgresNIO
import Sync

@Suite("Several dispatchd instances on one PostgreSQL wake each other", .serialized,
       .enabled(if: TestPostgres.url != nil, "needs DISPATCH_TEST_POSTGRES_URL (scripts/test.sh sets it)"))
struct ScaleOutTests {
    /// Instance A (a seeded `TestServer`) and a second dispatchd on the same database.
    private func twoInstances(loads: Int) async throws -> (TestServer, DispatchServer, RunningServer) {
        let a = try await TestServer.start(store: .postgres, loads: loads, drivers: 8, carriers: 4)
        let second = try await DispatchServer(configuration: .init(storage: a.storage, port: 0))
        return (a, second, try await second.start())
    }

    @Test func aLongPollOnOneInstanceWakesWithinASecondOfAPushThroughAnother() async throws {
        let (a, _, b) = try await twoInstances(loads: 60)
        defer { Task { await b.stop(); await a.stop() } }
        let woken = try await wakeUp(parkedOn: a, pushThrough: b, clientId: "pusher-b", label: "scale-out")
        // The write is committed by the time B answers; the other instance must hear of it within 1 s.
        // (Measured from the send, B's own push time would count too, which is not what scale-out adds.)
        #expect(woken < .seconds(1))
    }

    @Test func theListenerReconnectsWhenItsConnectionIsKilled() async throws {
        let (a, _, b) = try await twoInstances(loads: 60)
        defer { Task { await b.stop(); await a.stop() } }
        // Every server connection to this database is cut, the listeners' included.
        guard case .postgres(let url) = a.storage else { return }
        try await TestPostgres.with { connection in
            _ = try await connection.query("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = \(url.database) AND pid <> pg_backend_pid()
                """, logger: TestPostgres.logger)
        }
        try await Task.sleep(for: .seconds(1.5))
        let woken = try await wakeUp(parkedOn: a, pushThrough: b, clientId: "pusher-after-cut", label: "after reconnect")
        #expect(woken < .seconds(1))
    }

    /// Each instance keeps the loads its pushes decoded; a load changed through the other must be
    /// read again, never taken from that cache (the note pushed on A keeps B's assignment).
    @Test func aLoadChangedThroughAnotherInstanceIsReadAfresh() async throws {
        let (a, _, b) = try await twoInstances(loads: 60)
        defer { Task { await b.stop(); await a.stop() } }
        let (desk, deskEngine, _) = try await a.console("desk-cache")
        _ = try await deskEngine.syncOnce()
        let (loadId, driverId) = try await a.postedLoadAndDriver(in: desk)
        let (onA, _) = try await a.client()
        var onB = try DispatchClient(server: b.url)
        onB.token = try await onB.login(user: Seeder.dispatcherLogin.user, password: Seeder.dispatcherLogin.password).token
        func note(_ n: Int64) -> MutationEnvelope {
            MutationEnvelope(id: n, mutation: .addNote(.init(noteId: "cache-\(n)", loadId: loadId, text: "note \(n)", at: 1)),
                             createdAt: 0)
        }
        // A decodes the load and keeps it; B assigns it; A notes it again.
        #expect(try await onA.push(PushRequest(clientId: "cache-a", mutations: [note(1)])).results.map(\.status) == [.applied])
        let assign = MutationEnvelope(id: 1, mutation: .assignLoad(.init(loadId: loadId, driverId: driverId)), createdAt: 0)
        #expect(try await onB.push(PushRequest(clientId: "cache-b", mutations: [assign])).results.map(\.status) == [.applied])
        #expect(try await onA.push(PushRequest(clientId: "cache-a", mutations: [note(2)])).results.map(\.status) == [.applied])
        let load = try #require(try await a.serverLoad(loadId))
        #expect(load.driverId == driverId, "B's assignment survived A's second note")
        #expect(load.notes?.map(\.id) == ["cache-1", "cache-2"])
    }

    /// Parks a long-poll on A, pushes an assignment through B and returns how long after B's
    /// answer A's long-poll returned with it.
    private func wakeUp(parkedOn a: TestServer, pushThrough b: RunningServer, clientId: String,
                        label: String) async throws -> Duration {
        let (desk, deskEngine, _) = try await a.console("desk-\(clientId)")
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
        let response = try await pusher.push(PushRequest(clientId: clientId, mutations: [
            MutationEnvelope(id: 1, mutation: .assignLoad(.init(loadId: loadId, driverId: driverId)),
                             createdAt: Int64(Date().timeIntervalSince1970)),
        ]))
        let answered = ContinuousClock.now
        #expect(response.results.first?.status == .applied)
        let page = try await woke
        let woken = ContinuousClock.now
        let ms: (Duration) -> String = { $0.formatted(.units(allowed: [.milliseconds])) }
        print("\(label): a long-poll on instance A woke \(ms(woken - pushed)) after the push through instance B was sent, "
              + "\(ms(woken - answered)) after B acknowledged it (the push itself took \(ms(answered - pushed)))")
        #expect(page.loads.contains { $0.id == loadId && $0.driverId == driverId })
        return woken - answered
    }

    @Test func bothInstancesServeTheSameFeedAndMutationsApplyOnce() async throws {
        let (a, second, b) = try await twoInstances(loads: 40)
        defer { Task { await b.stop(); await a.stop() } }
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

        // A console that pushed only through B learns on A that its edit was consumed: A heard
        // of the client from B's notification, not from a query per pull.
        let (_, other) = try await a.client()
        let onlyB = MutationEnvelope(id: 1, mutation: .addNote(.init(noteId: "via-b", loadId: loadId, text: "from B",
                                                                     at: Int64(Date().timeIntervalSince1970))), createdAt: 0)
        _ = try await DispatchClient(server: b.url, token: other.token).push(PushRequest(clientId: "only-b", mutations: [onlyB]))
        let viaAOther = try DispatchClient(server: a.url, token: other.token)
        let confirmed = try await waitUntil(seconds: 5) {
            // The last page: lastMutationId is as of a page's end, and the note is at the head.
            var page = try await viaAOther.pull(cursor: nil, clientId: "only-b", limit: 10_000)
            while page.hasMore { page = try await viaAOther.pull(cursor: page.cursor, clientId: "only-b", limit: 10_000) }
            return page.lastMutationId == 1
        }
        #expect(confirmed != nil, "a pull through A reports the push made through B")
    }
}
