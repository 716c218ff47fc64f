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

    func save(to path: String) throws {
        let text: String = try TOMLEncoder().encode(self)
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(("# dispatch login; the token is a secret\n" + text + "\n").utf8).write(to: url, options: .atomic)
        chmod(path, 0o600)
    }
}
