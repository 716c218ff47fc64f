import ArgumentParser
import Foundation
import Client
import Sync

struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Sign out: the server revokes the token, and this console forgets it.",
        discussion: "Queued edits stay in the mirror and sync after the same user signs in again.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Forget the token here without telling the server (it stays valid there until it expires).")
    var local = false

    func run() async throws {
        let directory = DataDirectory(override: global.dataDir)
        guard var config = try ConsoleConfig.load(from: directory.configFile), !config.token.isEmpty else {
            FileHandle.note("not signed in")
            return
        }
        if !local {
            do {
                try await DispatchClient(server: config.server, token: config.token).logout()
            } catch .unauthorized {
                // Expired or revoked already: nothing left to revoke.
            } catch .unreachable(let server, let detail) {
                throw ConsoleError.logoutUnreachable("cannot reach \(server) (\(detail))")
            } catch {
                throw ConsoleError.wrap(error)
            }
        }
        config.token = ""
        try config.save(to: directory.configFile)
        var pending = 0
        if FileManager.default.fileExists(atPath: directory.mirrorFile) {
            pending = (try? await Mirror(path: directory.mirrorFile).queueCounts().pending) ?? 0
        }
        let kept = pending == 0 ? "" : "; \(pending) queued edit\(pending == 1 ? "" : "s") will sync when \(config.user) signs in again"
        FileHandle.note("signed out \(config.user) from \(config.server)\(local ? " (here only)" : "")\(kept)")
    }
}
