import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import Client
import Domain
import Server
import Sync

@Suite("Push and pull against a real dispatchd", .serialized)
struct ProtocolTests {
    @Test(arguments: StoreKind.available) func wrongPasswordAndUnreachableServerSayWhatHappened(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store, loads: 20)
        defer { Task { await server.stop() } }
        await #expect(throws: ClientError.self) { _ = try await server.client(as: "dispatch", password: "wrong") }
        do {
            _ = try await server.client(as: "dispatch", password: "wrong")
        } catch let error as ClientError {
            #expect(error.description.contains("wrong user name or password"))
        }
        let dead = try DispatchClient(server: "http://127.0.0.1:9")
        do {
            _ = try await dead.health()
            Issue.record("port 9 answered")
        } catch {
            #expect(error.isTransient)
            #expect(error.description.contains("cannot reach"))
        }
        #expect(throws: ClientError.self) { _ = try DispatchClient(server: "not a url") }
    }

    @Test(arguments: StoreKind.available) func anAssignmentRoundTripsToAnotherConsole(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let (mirrorA, engineA, actor) = try await server.console("a")
        let (mirrorB, engineB, _) = try await server.console("b")
        let first = try await engineA.syncOnce()
        #expect(first.reset)
        #expect(try await mirrorA.counts()["loads"] == 300)
        _ = try await engineB.syncOnce()
        let (loadId, driverId) = try await server.postedLoadAndDriver(in: mirrorA)

        try await mirrorA.enqueue(.assignLoad(.init(loadId: loadId, driverId: driverId)), by: actor)
        let pendingRow = try await BoardQueries(mirror: mirrorA).page(BoardQuery(status: .assigned), anchor: .first, limit: 500)
            .first { $0.id == loadId }
        #expect(pendingRow?.pending == true, "the edit shows at once, marked pending")

        let report = try await engineA.syncOnce()
        #expect(report.pushed == 1 && report.applied == 1 && report.pending == 0)
        let confirmed = try await MirrorQueries(mirror: mirrorA).load(loadId)
        #expect(confirmed?.driverId == driverId)
        let row = try await BoardQueries(mirror: mirrorA).page(BoardQuery(status: .assigned), anchor: .first, limit: 500)
            .first { $0.id == loadId }
        #expect(row?.pending == false)

        _ = try await engineB.syncOnce()
        #expect(try await MirrorQueries(mirror: mirrorB).load(loadId)?.status == .assigned)
        #expect(try await server.serverLoad(loadId)?.driverId == driverId)
    }

    @Test(arguments: StoreKind.available) func aDuplicatePushIsAppliedOnce(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let (mirror, engine, _) = try await server.console("a")
        _ = try await engine.syncOnce()
        let (loadId, driverId) = try await server.postedLoadAndDriver(in: mirror)
        let (client, _) = try await server.client()
        let envelope = MutationEnvelope(id: 1, mutation: .assignLoad(.init(loadId: loadId, driverId: driverId)), createdAt: 0)
        let push = PushRequest(clientId: "dup-client", mutations: [envelope])
        let before = try #require(try await server.serverLoad(loadId))
        let first = try await client.push(push)
        // The response is "lost": the client sends the same push again, twice.
        let second = try await client.push(push)
        let third = try await client.push(push)
        #expect(first.results.map(\.status) == [.applied])
        #expect(second.results.first?.status == .applied && second.results.first?.replayed == true)
        #expect(third.lastMutationId == 1)
        let after = try #require(try await server.serverLoad(loadId))
        #expect(after.version == before.version + 1, "applied exactly once")
        // The next id follows on; a gap is refused whole, nothing applied.
        let gap = PushRequest(clientId: "dup-client", mutations: [
            MutationEnvelope(id: 3, mutation: .unassignLoad(.init(loadId: loadId)), createdAt: 0)])
        do {
            _ = try await client.push(gap)
            Issue.record("gap accepted")
        } catch {
            #expect(error == .refused(status: 400, code: "mutation_gap",
                                      message: "mutation ids must follow on: expected 2, got 3; nothing was applied"))
        }
        #expect(try await server.serverLoad(loadId)?.status == .assigned)
    }

    @Test(arguments: StoreKind.available) func aRejectedEditIsRolledBackAndListedAsAConflict(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let (mirrorA, engineA, actorA) = try await server.console("a")
        let (mirrorB, engineB, actorB) = try await server.console("b")
        _ = try await engineA.syncOnce()
        _ = try await engineB.syncOnce()
        let (loadId, driverA) = try await server.postedLoadAndDriver(in: mirrorA)
        let (_, driverB) = try await server.postedLoadAndDriver(in: mirrorA, skip: 1)
        // Both consoles assign the same load while apart; B's edit and one after it are queued.
        try await mirrorA.enqueue(.assignLoad(.init(loadId: loadId, driverId: driverA)), by: actorA)
        try await mirrorB.enqueue(.assignLoad(.init(loadId: loadId, driverId: driverB)), by: actorB)
        let (otherLoad, _) = try await server.postedLoadAndDriver(in: mirrorB, skip: 5)
        try await mirrorB.enqueue(.assignLoad(.init(loadId: otherLoad, driverId: driverB)), by: actorB)
        _ = try await engineA.syncOnce()
        let report = try await engineB.syncOnce()
        #expect(report.rejected.count == 1, "the refusal reaches B within one sync")
        #expect(report.applied == 1, "and does not block the edit after it")
        #expect(report.pending == 0)
        let conflicts = try await mirrorB.conflicts()
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.code == "not_posted")
        #expect(try await MirrorQueries(mirror: mirrorB).load(loadId)?.driverId == driverA, "B's optimistic edit rolled back")
        #expect(try await MirrorQueries(mirror: mirrorB).load(otherLoad)?.driverId == driverB)
    }

    @Test(arguments: StoreKind.available) func editsMadeOfflineSyncExactlyOnceWhenTheServerIsBack(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let (mirror, engine, actor) = try await server.console("a")
        _ = try await engine.syncOnce()
        let (loadId, driverId) = try await server.postedLoadAndDriver(in: mirror)
        let (online, _) = try await server.client()
        let offline = SyncEngine(mirror: mirror, client: try DispatchClient(server: "http://127.0.0.1:9", token: online.token),
                                 actor: actor)
        try await mirror.enqueue(.assignLoad(.init(loadId: loadId, driverId: driverId)), by: actor)
        await #expect(throws: SyncError.self) { _ = try await offline.syncOnce() }
        #expect(try await mirror.queueCounts().pending == 1, "the edit waits in the outbox")
        #expect(try await MirrorQueries(mirror: mirror).load(loadId)?.driverId == driverId)
        let report = try await engine.syncOnce()
        #expect(report.applied == 1 && report.pending == 0)
        let again = try await engine.syncOnce()
        #expect(again.pushed == 0)
        #expect(try await server.serverLoad(loadId)?.version == 2)
        #expect(try await mirror.integrityCheck() == "ok")
    }

    @Test(arguments: StoreKind.available) func pagesNeverSplitAServerTransaction(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store, loads: 60, drivers: 10, carriers: 5)
        defer { Task { await server.stop() } }
        let (mirror, engine, actor) = try await server.console("a")
        _ = try await engine.syncOnce()
        let (client, _) = try await server.client()
        var cursor = try await mirror.state("cursor")
        // Find an assigned load and record a status: its event and load change share one sequence number.
        let assigned = try await BoardQueries(mirror: mirror).page(BoardQuery(status: .assigned), anchor: .first, limit: 1).first
        let load = try #require(assigned)
        try await mirror.enqueue(.recordStatus(.init(eventId: "E-page", loadId: load.id, code: .arrivedPickup,
                                                     at: Int64(Date().timeIntervalSince1970) - 60)), by: actor)
        var pushReport = SyncReport()
        _ = try await engine.push(report: &pushReport)
        let page = try await client.pull(cursor: cursor, clientId: "x", limit: 1)
        #expect(page.events.map(\.id) == ["E-page"])
        #expect(page.loads.map(\.id) == [load.id], "limit 1 still carries the whole transaction")
        cursor = page.cursor
        let next = try await client.pull(cursor: cursor, clientId: "x", limit: 1)
        #expect(next.rowCount == 0 && !next.hasMore)
    }

    @Test(arguments: StoreKind.available) func paginatedSnapshotsCoverEveryRowOnce(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store, loads: 250, drivers: 20, carriers: 6)
        defer { Task { await server.stop() } }
        let (client, _) = try await server.client()
        var cursor: String?
        var ids: [String] = []
        var pages = 0
        var first = true
        while true {
            let page = try await client.pull(cursor: cursor, clientId: "pager", limit: 37)
            #expect(page.reset == first)
            first = false
            ids += page.loads.map(\.id)
            pages += 1
            cursor = page.cursor
            if !page.hasMore { break }
        }
        #expect(pages > 5)
        #expect(ids.count == 250 && Set(ids).count == 250)
        let unknown = try await client.pull(cursor: "c1.nothere.5", clientId: "pager", limit: 10)
        #expect(unknown.reset, "a cursor from elsewhere starts a snapshot")
    }

    @Test(arguments: StoreKind.available) func aLongPollWakesWhenAnotherConsoleWrites(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let (mirror, engine, actor) = try await server.console("a")
        _ = try await engine.syncOnce()
        let cursor = try await mirror.state("cursor")
        let (watcher, _) = try await server.client()
        let started = ContinuousClock.now
        async let woke = watcher.pull(cursor: cursor, clientId: "watcher", wait: 20)
        try await Task.sleep(for: .milliseconds(300))
        let (loadId, driverId) = try await server.postedLoadAndDriver(in: mirror)
        try await mirror.enqueue(.assignLoad(.init(loadId: loadId, driverId: driverId)), by: actor)
        _ = try await engine.syncOnce()
        let page = try await woke
        #expect(page.loads.contains { $0.id == loadId })
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}

