import Foundation
import TOMLKit
import Domain

/// What `dispatch login` remembers: config.toml in the data directory.
struct ConsoleConfig: Codable, Equatable {
    var server: String
    var user: String
    var role: Role
    var driverId: String?
    var token: String
    /// Colour theme by name (`theme = "light"`); `--theme` overrides it.
    var theme: String? = nil
    /// Mouse clicks and wheel (`mouse = true`); `--mouse` / `--no-mouse` override it.
    var mouse: Bool? = nil

    var actor: Actor { Actor(user: user, role: role, driverId: driverId) }

    static func load(from path: String) throws -> ConsoleConfig? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return try TOMLDecoder().decode(ConsoleConfig.self, from: text)
        } catch {
            throw ConsoleError.badConfig(path: path, detail: "\(error)")
        }
    }

    /// Keeps the display preferences of the config at `path` (a new login or demo run rewrites the file).
    mutating func keepPreferences(from path: String) {
        guard let previous = try? ConsoleConfig.load(from: path) else { return }
        theme = theme ?? previous.theme
        mouse = mouse ?? previous.mouse
    }

    func save(to path: String) throws {
        let text: String = try TOMLEncoder().encode(self)
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(("# dispatch login; the token is a secret\n" + text + "\n").utf8).write(to: url, options: .atomic)
        chmod(path, 0o600)
    }
}
