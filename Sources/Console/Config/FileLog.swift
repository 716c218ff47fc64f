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

    /// Sends swift-log output to `path`. Safe to call more than once (the first path wins),
    /// since swift-log may only be bootstrapped once per process.
    static func bootstrap(path: String) {
        guard let handle = open(path) else { return }
        LogBootstrap.once {
            LoggingSystem.bootstrap { FileLogHandler(label: $0, file: handle) }
        }
    }

    /// Points stderr itself at `path` (stray prints, crash reports) while curses owns the screen.
    static func redirectStandardError(to path: String) {
        guard let handle = open(path) else { return }
        dup2(handle.fileDescriptor, STDERR_FILENO)
    }

    private static func open(_ path: String) -> FileHandle? {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        handle.seekToEndOfFile()
        return handle
    }
}

/// Runs the logging bootstrap at most once.
enum LogBootstrap {
    nonisolated(unsafe) private static var done = false
    private static let lock = NSLock()

    static func once(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        body()
    }
}
