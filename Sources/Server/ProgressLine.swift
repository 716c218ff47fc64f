import Foundation
import Domain

/// "seeding 45,000/100,000 rows (45%), 3 s left" on a terminal; silent when stderr is not one (CI, pipes).
public final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let started = Date()
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false

    public init(label: String, enabled: Bool = isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil) {
        self.label = label
        self.enabled = enabled
    }

    public func update(_ done: Int, _ total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 || done >= total else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(started)
        let percent = total > 0 ? done * 100 / total : 100
        var line = "\r\(label) \(Format.count(done))/\(Format.count(total)) rows (\(percent)%)"
        if done > 0, done < total {
            let left = elapsed / Double(done) * Double(total - done)
            line += ", \(Int(left.rounded(.up))) s left"
        }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
        drawn = true
    }

    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }
}
