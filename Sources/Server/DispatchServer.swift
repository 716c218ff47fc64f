import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals
import Domain

/// dispatchd as a value you can run: from the `dispatchd` executable, or in-process for the demo and tests.
public struct DispatchServer: Sendable {
    public struct Configuration: Sendable {
        /// Where the data lives.
        public enum Storage: Sendable {
            /// One SQLite file (created if missing): one box, the demo.
            case sqlite(path: String)
            /// A PostgreSQL database that several instances may share.
            case postgres(PostgresURL)
        }

        public var storage: Storage
        public var host: String
        /// 0 picks a free port; `start` reports the one chosen.
        public var port: Int
        public var limits: ServerLimits
        /// Move drivers and advance loads in the background, as a live fleet would.
        public var simulateFleet: Bool
        /// How long deletions and scope exits are kept (seconds); a cursor older than that resets.
        public var tombstoneHorizon: Int64
        /// How long GPS pings are kept (seconds); only the latest position per driver is live data.
        public var gpsRetention: Int64

        /// A server on the SQLite file at `databasePath`.
        public init(databasePath: String, host: String = "127.0.0.1", port: Int = 8080,
                    limits: ServerLimits = ServerLimits(), simulateFleet: Bool = false,
                    tombstoneHorizon: Int64 = 30 * 86_400, gpsRetention: Int64 = 7 * 86_400) {
            self.init(storage: .sqlite(path: databasePath), host: host, port: port, limits: limits,
                      simulateFleet: simulateFleet, tombstoneHorizon: tombstoneHorizon, gpsRetention: gpsRetention)
        }

        /// A server on `storage`: a SQLite file or a PostgreSQL database.
        public init(storage: Storage, host: String = "127.0.0.1", port: Int = 8080,
                    limits: ServerLimits = ServerLimits(), simulateFleet: Bool = false,
                    tombstoneHorizon: Int64 = 30 * 86_400, gpsRetention: Int64 = 7 * 86_400) {
            self.storage = storage
            self.host = host
            self.port = port
            self.limits = limits
            self.simulateFleet = simulateFleet
            self.tombstoneHorizon = tombstoneHorizon
            self.gpsRetention = gpsRetention
        }
    }

    public let configuration: Configuration
    public let store: any ServerStore
    public let hub: ChangeHub
    public let metrics: ServerMetrics
    let logger: Logger

    /// Opens (creating and migrating if needed) the configured database.
    /// - Throws: `ServerError.storage` with a one-line reason when it cannot be opened or reached.
    public init(configuration: Configuration, logger: Logger = Logger(label: "dispatchd")) async throws {
        self.configuration = configuration
        switch configuration.storage {
        case .sqlite(let path): self.store = try SQLiteStore(path: path)
        case .postgres(let url): self.store = try await PostgresStore(url: url, logger: logger)
        }
        self.hub = ChangeHub()
        self.metrics = ServerMetrics()
        self.logger = logger
    }

    func application(onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router(context: AppContext.self)
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: MethodNotAllowedMiddleware(declared: Routes.declared))
        Routes(store: store, hub: hub, limits: configuration.limits, metrics: metrics,
               gpsRetention: configuration.gpsRetention)
            .register(on: router, tokens: TokenCache())
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                 serverName: "dispatchd"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Serves until SIGTERM/SIGINT (or `RunningServer.stop`), then shuts down gracefully:
    /// in-flight requests finish before the database closes.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        do {
            try await makeGroup(onRunning: onRunning, signals: [.sigterm, .sigint]).run()
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    func makeGroup(onRunning: @escaping @Sendable (Int) async -> Void, signals: [UnixSignal]) async throws -> ServiceGroup {
        await hub.notify(sequence: try await store.currentSequence())
        var services: [any Service] = [
            application(onRunning: onRunning),
            RetentionJob(store: store, tombstoneHorizon: configuration.tombstoneHorizon,
                         gpsRetention: configuration.gpsRetention, logger: logger),
        ]
        if let postgres = store as? PostgresStore {
            services.append(PostgresChangeListener(store: postgres, hub: hub, logger: logger))
        }
        if configuration.simulateFleet {
            services.append(FleetSimulator(store: store, hub: hub, logger: logger))
        }
        // Last, so a graceful shutdown reaches it first and the long-polls answer before the HTTP server waits on them.
        services.append(LongPollDrain(hub: hub))
        return ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: signals, logger: logger))
    }

    /// Starts serving in the background and returns once the port is bound.
    public func start() async throws -> RunningServer {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let group = try await makeGroup(onRunning: { continuation.yield($0) }, signals: [])
        let logger = self.logger
        let store = self.store
        let task = Task {
            do {
                try await group.run()
            } catch {
                logger.error("dispatchd stopped: \(error)")
            }
            await store.close()
            continuation.finish()
        }
        for await port in stream {
            return RunningServer(port: port, group: group, task: task)
        }
        throw ServerError.storage("dispatchd could not start on \(configuration.host):\(configuration.port)")
    }
}

/// A dispatchd serving in this process.
public struct RunningServer: Sendable {
    public let port: Int
    let group: ServiceGroup
    let task: Task<Void, Never>

    public var url: String { "http://127.0.0.1:\(port)" }

    public func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }
}
