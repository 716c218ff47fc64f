import Foundation

/// Where a console keeps its config, mirror and log.
///
/// `--data-dir DIR` puts everything in DIR, so several consoles can run on one
/// machine; otherwise the XDG base directories are used.
struct DataDirectory {
    let configFile: String
    let mirrorFile: String
    let logFile: String

    init(override: String?) {
        let env = ProcessInfo.processInfo.environment
        if let override {
            let dir = URL(fileURLWithPath: override).standardizedFileURL.path
            configFile = dir + "/config.toml"
            mirrorFile = dir + "/mirror.sqlite"
            logFile = dir + "/dispatch.log"
        } else {
            let home = env["HOME"] ?? FileManager.default.currentDirectoryPath
            let config = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
            let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
            let state = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/state"
            configFile = config + "/dispatch/config.toml"
            mirrorFile = data + "/dispatch/mirror.sqlite"
            logFile = state + "/dispatch/dispatch.log"
        }
    }

    func prepare() throws {
        for file in [configFile, mirrorFile, logFile] {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: file).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
        }
    }
}
