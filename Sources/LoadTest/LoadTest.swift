import Foundation
import Client
import Domain
import Server

/// `dispatchd loadtest`: a dispatchd child on loopback, N long-polling consoles, M pushers and
/// M GPS feeds, bounded in count and time; prints what DESIGN.md budgets.
public struct LoadTest {
    public struct Options: Sendable {
        public var clients = 1_000
        public var pushers = 2
        public var changes = 10
        public var seconds = 10
        public var loads = 2_000
        public var drivers = 200
        /// An empty PostgreSQL database to run on instead of a new SQLite file.
        public var databaseURL: String?
        /// The dispatchd binary to start (this executable).
        public var binary: String
        public var directory: String
        public init(binary: String, directory: String) {
            self.binary = binary
            self.directory = directory
        }
    }

    let options: Options
    public init(options: Options) { self.options = options }

    func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    public func run() async throws {
        let db = options.directory + "/loadtest.sqlite"
        let storage: DispatchServer.Configuration.Storage
        let databaseArguments: [String]
        if let url = options.databaseURL {
            let parsed = try PostgresURL(url)
            storage = .postgres(parsed)
            databaseArguments = ["--database-url", url]
            say("seeding \(options.loads) loads, \(options.drivers) drivers into \(parsed)")
        } else {
            storage = .sqlite(path: db)
            databaseArguments = ["--db", db]
            say("seeding \(options.loads) loads, \(options.drivers) drivers into \(db)")
        }
        let seedServer = try await DispatchServer(configuration: .init(storage: storage, port: 0))
        var seed = Seeder.Options()
        seed.loads = options.loads
        seed.drivers = options.drivers
        seed.carriers = max(10, options.drivers / 5)
        try await Seeder(options: seed).run(into: seedServer.store)
        await seedServer.store.close()

        let server = try await ServerProcess(binary: options.binary,
                                             arguments: databaseArguments + ["--port", "0", "--rate-limit", "0"],
                                             log: options.directory + "/dispatchd.log")
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)"
        say("dispatchd pid \(server.pid) on \(url); idle RSS \(String(format: "%.0f", server.memory().rss)) MiB")

        var clients: [DispatchClient] = []
        for _ in 0 ..< max(1, min(20, options.clients / 500 + options.pushers)) {
            var client = try DispatchClient(server: url)
            client.token = try await client.login(user: Seeder.dispatcherLogin.user, password: Seeder.dispatcherLogin.password).token
            clients.append(client)
        }
        let head = try await headCursor(clients[0])
        try await fanOut(port: server.port, tokens: clients.compactMap(\.token), cursor: head,
                         writer: clients[0], server: server)
        try await pushes(clients)
        try await pings(clients)
        let memory = server.memory()
        say(String(format: "server RSS at the end %.0f MiB, peak %.0f MiB   (budget ≤ 1,024 MiB with 10,000 clients)",
                   memory.rss, memory.peak))
    }

    /// The cursor at the server's head, after a full snapshot.
    func headCursor(_ client: DispatchClient) async throws -> String {
        var cursor: String?
        while true {
            let page = try await client.pull(cursor: cursor, clientId: "loadtest-head", limit: 10_000)
            cursor = page.cursor
            if !page.hasMore { return page.cursor }
        }
    }

    /// N parked long-polls; one change at a time; how long until each console has it.
    func fanOut(port: Int, tokens: [String], cursor: String, writer: DispatchClient, server: ServerProcess) async throws {
        let fleet = LongPollFleet(port: port, tokens: tokens)
        let started = ContinuousClock.now
        try await fleet.connect(count: options.clients, cursor: cursor)
        say(String(format: "connected %d long-polling clients in %.1f s; server RSS %.0f MiB",
                   fleet.connectedCount, (ContinuousClock.now - started).inSeconds, server.memory().rss))
        try await Task.sleep(for: .milliseconds(500))
        var latencies: [Double] = []
        var delivered: [Int] = []
        let serverCPU = ServerProcess.cpuSeconds(of: server.pid), ownCPU = ServerProcess.cpuSeconds(of: getpid())
        let phase = ContinuousClock.now
        for change in 0 ..< options.changes {
            _ = fleet.takeArrivals()
            let sent = ContinuousClock.now
            let note = Mutation.AddNote(noteId: "fanout-\(change)-\(UUID().uuidString.prefix(6))", loadId: "L-\(change + 1)",
                                        text: "fan-out probe \(change)", at: Int64(Date().timeIntervalSince1970))
            _ = try await writer.push(PushRequest(clientId: "loadtest-writer-\(UUID().uuidString.prefix(6))",
                                                  mutations: [MutationEnvelope(id: 1, mutation: .addNote(note), createdAt: 0)]))
            let deadline = sent + .seconds(5)
            while fleet.arrivalCount() < fleet.connectedCount, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            let arrivals = fleet.takeArrivals()
            delivered.append(arrivals.count)
            latencies += arrivals.map { ($0 - sent).inSeconds }
            try await Task.sleep(for: .milliseconds(300))
        }
        latencies.sort()
        func p(_ q: Double) -> String {
            guard !latencies.isEmpty else { return "n/a" }
            return String(format: "%.0f ms", latencies[min(latencies.count - 1, Int(Double(latencies.count) * q))] * 1_000)
        }
        let wall = (ContinuousClock.now - phase).inSeconds
        let memory = server.memory()
        say(String(format: "              CPU during the fan-out phase (%.1f s of wall time): dispatchd %.1f s, this tool's clients %.1f s",
                   wall, ServerProcess.cpuSeconds(of: server.pid) - serverCPU, ServerProcess.cpuSeconds(of: getpid()) - ownCPU))
        say("fan-out       \(options.changes) changes to \(fleet.connectedCount) clients: delivered \(delivered.min() ?? 0)–\(delivered.max() ?? 0) per change; "
            + "latency p50 \(p(0.5)), p90 \(p(0.9)), p99 \(p(0.99)), max \(p(0.9999))   (budget p99 ≤ 1 s)")
        say(String(format: "              server RSS with them connected %.0f MiB (peak %.0f MiB); client-side failures %d",
                   memory.rss, memory.peak, fleet.failureCount))
        await fleet.shutdown()
    }

    /// M pushers sending batches of 250 notes for `seconds`.
    func pushes(_ clients: [DispatchClient]) async throws {
        let seconds = Double(options.seconds)
        let loads = options.loads
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for pusher in 0 ..< options.pushers {
                let client = clients[pusher % clients.count]
                group.addTask {
                    let clientId = "loadtest-pusher-\(pusher)-\(UUID().uuidString.prefix(6))"
                    var next: Int64 = 1
                    var applied = 0
                    let stop = ContinuousClock.now + .seconds(seconds)
                    while ContinuousClock.now < stop {
                        let batch = (0 ..< 250).map { offset -> MutationEnvelope in
                            let id = next + Int64(offset)
                            return MutationEnvelope(id: id, mutation: .addNote(.init(noteId: "\(clientId)-\(id)",
                                loadId: "L-\(Int(id) % loads + 1)", text: "load test", at: 0)), createdAt: 0)
                        }
                        let response = try await client.push(PushRequest(clientId: clientId, mutations: batch))
                        applied += response.results.filter { $0.status == .applied }.count
                        next += 250
                    }
                    return applied
                }
            }
            return try await group.reduce(0, +)
        }
        say(String(format: "push          %d pushers × batches of 250: %d mutations applied in %.0f s = %.0f mutations/s   (budget ≥ 5,000/s)",
                   options.pushers, counts, seconds, Double(counts) / seconds))
    }

    /// M GPS feeds posting batches of 1,000 pings for `seconds`.
    func pings(_ clients: [DispatchClient]) async throws {
        let seconds = Double(options.seconds)
        let drivers = options.drivers
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for feed in 0 ..< options.pushers {
                let client = clients[feed % clients.count]
                group.addTask {
                    var sent = 0
                    let stop = ContinuousClock.now + .seconds(seconds)
                    var random = SystemRandomNumberGenerator()
                    while ContinuousClock.now < stop {
                        let now = Int64(Date().timeIntervalSince1970)
                        let pings = (0 ..< 1_000).map { _ in
                            PositionPing(driverId: "D-\(Int.random(in: 1 ... drivers, using: &random))",
                                         lat: Double.random(in: 30 ... 45, using: &random), lon: Double.random(in: -120 ... -75, using: &random),
                                         at: now - Int64.random(in: 0 ... 60, using: &random), speedMph: 55)
                        }
                        sent += try await client.ingest(PositionBatch(pings: pings)).accepted
                    }
                    return sent
                }
            }
            return try await group.reduce(0, +)
        }
        say(String(format: "gps ingest    %d feeds × batches of 1,000: %d pings in %.0f s = %.0f pings/s   (budget ≥ 20,000/s)",
                   options.pushers, total, seconds, Double(total) / seconds))
    }
}
