import Foundation
import Logging
import Domain

/// swift-log handler appending to the console's log file: while curses owns the screen,
/// nothing may be printed over it.
struct FileLogHandler: LogHandler {
    let label: String
    let file: FileHandle
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let line = "\(Format.iso(Int64(Date().timeIntervalSince1970))) \(event.level) \(label): \(event.message)\n"
        file.write(Data(line.utf8))
    }

    /// Sends swift-log output and stderr itself (stray prints, crash reports) to `path`.
    static func bootstrap(path: String) {
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        handle.seekToEndOfFile()
        dup2(handle.fileDescriptor, STDERR_FILENO)
        LoggingSystem.bootstrap { FileLogHandler(label: $0, file: handle) }
    }
}
