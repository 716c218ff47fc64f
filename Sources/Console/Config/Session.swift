import Foundation
import Client
import Domain
import Sync

/// A signed-in console: its config, mirror, client and sync engine.
struct Session {
    let directory: DataDirectory
    let config: ConsoleConfig
    let mirror: Mirror
    let client: DispatchClient
    let engine: SyncEngine

    static func open(_ options: GlobalOptions) throws -> Session {
        let directory = DataDirectory(override: options.dataDir)
        guard let config = try ConsoleConfig.load(from: directory.configFile), !config.token.isEmpty else {
            throw ConsoleError.notLoggedIn
        }
        return try open(directory: directory, config: config)
    }

    static func open(directory: DataDirectory, config: ConsoleConfig) throws -> Session {
        try directory.prepare()
        do {
            let mirror = try Mirror(path: directory.mirrorFile)
            let client = try DispatchClient(server: config.server, token: config.token)
            return Session(directory: directory, config: config, mirror: mirror, client: client,
                           engine: SyncEngine(mirror: mirror, client: client, actor: config.actor))
        } catch {
            throw ConsoleError.wrap(error)
        }
    }

    /// Accepts "L-12", "l-12" or "12" for a load id.
    static func loadId(_ text: String) -> String { normalize(text, prefix: "L") }
    /// Accepts "D-45", "d-45" or "45" for a driver id.
    static func driverId(_ text: String) -> String { normalize(text, prefix: "D") }

    private static func normalize(_ text: String, prefix: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if Int(trimmed) != nil { return "\(prefix)-\(trimmed)" }
        return trimmed.uppercased()
    }
}
