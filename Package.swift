// swift-tools-version:6.0
import PackageDescription

/// The upcoming language features Hummingbird enables for its own targets, on every target here
/// too (tests included): `any` spelled out for existentials, and a member visible only where its
/// module is imported.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "dispatch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dispatch", targets: ["Console"]),
        .executable(name: "dispatchd", targets: ["dispatchd"]),
        .executable(name: "dispatch-bench", targets: ["Bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", exact: "2.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", exact: "0.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", exact: "2.13.0"),
        // SHA-256 of bearer tokens (already in the graph through hummingbird-auth).
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
        // Tests only: reads docs/openapi.yaml to check real responses against it.
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
    ],
    targets: [
        // Entities, rules, mutators and wire types shared by console and server.
        .target(name: "Domain", swiftSettings: strict),
        // HTTP transport to dispatchd (URLSession over libcurl).
        .target(name: "Client", dependencies: ["Domain"], swiftSettings: strict),
        // The console's SQLite mirror, outbox, rebase and sync engine.
        .target(
            name: "Sync",
            dependencies: [
                "Domain", "Client",
                .product(name: "GRDB", package: "GRDB.swift"),
                // Imported for the C API where the board writes rows and reads row sets itself.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // Pure rendering: state ▶ CellBuffer. Never ncurses, never SQL.
        .target(name: "Views", dependencies: ["Domain"], swiftSettings: strict),
        // ncursesw with a shim for the macros Swift cannot import.
        .systemLibrary(
            name: "CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The reference backend: routes, store, auth, change feed, jobs, seeding.
        .target(
            name: "Server",
            dependencies: [
                "Domain",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        // `dispatchd loadtest`: long-polling consoles on SwiftNIO, pushers, GPS feeds.
        .target(
            name: "LoadTest",
            dependencies: [
                "Domain", "Client", "Server",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "dispatchd",
            dependencies: [
                "Domain", "Server", "LoadTest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "Console",
            dependencies: [
                "Domain", "Client", "Sync", "Views", "Server", "CNCursesW",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "Bench",
            dependencies: [
                "Domain", "Client", "Sync", "Server",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "DomainTests", dependencies: ["Domain"], swiftSettings: strict),
        .testTarget(name: "ViewsTests", dependencies: ["Views", "Domain"], swiftSettings: strict),
        .testTarget(name: "SyncTests", dependencies: ["Sync", "Domain", .product(name: "GRDB", package: "GRDB.swift")],
                    swiftSettings: strict),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Domain", "Client", "Sync", "Server",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "Views", "Domain", "Sync",
                                                       .product(name: "ArgumentParser", package: "swift-argument-parser")],
                    swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["Domain", .product(name: "GRDB", package: "GRDB.swift")],
                    swiftSettings: strict),
    ]
)
