import Foundation

/// Timings of the UI loop for `dispatch-bench`, written only when `DISPATCH_FRAME_TRACE` names a file.
///
/// A key is timed from the moment the loop reads it to the first frame written after it whose
/// board is no longer loading, so a key that starts a query counts the query, its result and the
/// frame that shows it. Lines are plain text: `first-frame EPOCH_SECONDS`, `rss BYTES`, and
/// `key MILLISECONDS rows=MS render=MS draw=MS`: when the key's rows arrived (0 when it asked for
/// none), and how long the frame that showed them took to render into cells and to write.
final class FrameTrace {
    private let handle: FileHandle
    private var keyReadAt: ContinuousClock.Instant?
    private var rowsArrivedAt: ContinuousClock.Instant?
    private var firstFrameWritten = false

    init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment["DISPATCH_FRAME_TRACE"], !path.isEmpty,
              FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { return nil }
        self.handle = handle
    }

    /// A key came in; a key already waiting for its frame keeps the earlier start.
    func keyRead() {
        if keyReadAt == nil { keyReadAt = .now }
    }

    /// A board page reached the loop.
    func rowsArrived() {
        if keyReadAt != nil { rowsArrivedAt = .now }
    }

    /// A frame reached the terminal; `settled` is false while the board still waits for rows.
    func frameWritten(settled: Bool, render: Duration = .zero, draw: Duration = .zero) {
        guard settled else { return }
        if !firstFrameWritten {
            firstFrameWritten = true
            write("first-frame \(Date().timeIntervalSince1970)")
            write("rss \(FrameTrace.residentBytes())")
        }
        if let start = keyReadAt {
            let rows = rowsArrivedAt.map { FrameTrace.ms($0 - start) } ?? 0
            write("key \(FrameTrace.ms(.now - start)) rows=\(rows) render=\(FrameTrace.ms(render)) draw=\(FrameTrace.ms(draw))")
            keyReadAt = nil
            rowsArrivedAt = nil
        }
    }

    static func ms(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }

    /// The resident set at quit, after every query the run made.
    func finish() {
        write("rss \(FrameTrace.residentBytes())")
        try? handle.close()
    }

    private func write(_ line: String) {
        handle.write(Data((line + "\n").utf8))
    }

    /// Resident pages from /proc/self/statm times the page size; 0 where /proc is missing.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
