import Foundation
import GRDB
import Client
import Domain
import Server
import Sync

/// A real dispatchd on a loopback port with a small seeded database: a SQLite file in a temp
/// directory, or a fresh PostgreSQL database on the test cluster.
final class TestServer: @unchecked Sendable {
    let directory: URL
    let kind: StoreKind
    let storage: DispatchServer.Configuration.Storage
    private(set) var server: DispatchServer
    private(set) var running: RunningServer?
    /// Kept across restarts so consoles reconnect to the same address.
    private(set) var port = 0

    init(directory: URL, kind: StoreKind, storage: DispatchServer.Configuration.Storage, server: DispatchServer,
         running: RunningServer) {
        self.directory = directory
        self.kind = kind
        self.storage = storage
        self.server = server
        self.running = running
        self.port = running.port
    }

    var url: String { "http://127.0.0.1:\(port)" }
    var databasePath: String { directory.appendingPathComponent("server.sqlite").path }

    /// Stops dispatchd (gracefully) and starts it again on the same file, on the same port if it
    /// can be had again (tests running in parallel may take a freed port; then `port` changes).
    func restart() async throws {
        await running?.stop()
        running = nil
        for attempt in 0 ..< 12 {
            do {
                server = try await DispatchServer(configuration: .init(storage: storage, port: attempt < 10 ? port : 0))
                let started = try await server.start()
                running = started
                port = started.port
                return
            } catch where attempt < 11 {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    /// Stops it without removing its files (a server that is down).
    func halt() async {
        await running?.stop()
        running = nil
    }

    static func start(store kind: StoreKind = .sqlite, loads: Int = 300, drivers: Int = 40, carriers: Int = 12,
                      limits: ServerLimits = ServerLimits(),
                      organizations: [SeedOrganization] = [.primary]) async throws -> TestServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dispatch-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let storage = try await kind.freshStorage(in: directory)
        let server = try await DispatchServer(configuration: .init(storage: storage, port: 0, limits: limits))
        var options = Seeder.Options()
        options.loads = loads
        options.drivers = drivers
        options.carriers = carriers
        options.seed = 7
        options.organizations = organizations
        try await Seeder(options: options).run(into: server.store)
        return TestServer(directory: directory, kind: kind, storage: storage, server: server,
                          running: try await server.start())
    }

    func stop() async {
        await running?.stop()
        try? FileManager.default.removeItem(at: directory)
        if case .postgres(let url) = storage { try? await TestPostgres.drop(url) }
    }

    func client(as user: String = Seeder.dispatcherLogin.user, password: String = Seeder.dispatcherLogin.password)
        async throws -> (DispatchClient, LoginResponse) {
        var client = try DispatchClient(server: url)
        let login = try await client.login(user: user, password: password)
        client.token = login.token
        return (client, login)
    }

    /// A console's mirror and engine signed in as `user`.
    func console(_ name: String, user: String = Seeder.dispatcherLogin.user,
                 password: String = Seeder.dispatcherLogin.password, via proxy: FaultProxy? = nil,
                 timing: SyncTiming = SyncTiming()) async throws -> (Mirror, SyncEngine, Actor) {
        var (client, login) = try await client(as: user, password: password)
        if let proxy {
            client = try DispatchClient(server: proxy.url, token: login.token)
        }
        let mirror = try Mirror(path: directory.appendingPathComponent("\(name).sqlite").path)
        return (mirror, SyncEngine(mirror: mirror, client: client, actor: login.actor, timing: timing), login.actor)
    }

    /// Two dispatcher consoles, "east" and "west", each synced once.
    func twoSyncedConsoles() async throws -> ((Mirror, SyncEngine, Actor), (Mirror, SyncEngine)) {
        let east = try await console("east")
        let west = try await console("west")
        _ = try await east.1.syncOnce()
        _ = try await west.1.syncOnce()
        return (east, (west.0, west.1))
    }

    /// A load the seed left posted, and an available driver whose carrier may be used.
    func postedLoadAndDriver(in mirror: Mirror, skip: Int = 0) async throws -> (String, String) {
        try await mirror.pool.read { db in
            let load = try String.fetchOne(db, sql: "SELECT id FROM loads WHERE status = 'posted' ORDER BY id LIMIT 1 OFFSET ?",
                                           arguments: [skip]) ?? ""
            let driver = try String.fetchOne(db, sql: """
                SELECT d.id FROM drivers d JOIN carriers c ON c.id = d.carrier_id
                WHERE d.available = 1 AND c.verdict != 'do-not-use' ORDER BY d.id LIMIT 1 OFFSET ?
                """, arguments: [skip]) ?? ""
            return (load, driver)
        }
    }

    /// The server's copy of a load.
    func serverLoad(_ id: String) async throws -> Load? {
        let (client, _) = try await client()
        var cursor: String?
        while true {
            let page = try await client.pull(cursor: cursor, clientId: "inspector", limit: 5_000)
            if let load = page.loads.first(where: { $0.id == id }) { return load }
            if !page.hasMore { return nil }
            cursor = page.cursor
        }
    }
}
