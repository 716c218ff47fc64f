import Domain

/// The last line: connection, queue, sync age, role, progress. The word
/// ("online"/"offline") is always there so the state never depends on colour.
enum StatusBar {
    /// The segments in display order, each with a priority (higher stays when narrow).
    static func segments(_ state: ScreenState, glyphs: Glyphs) -> [(text: String, style: Style, priority: Int)] {
        let sync = state.sync
        var out: [(String, Style, Int)] = []
        if sync.online {
            out.append(("\(glyphs.online) online", Style(role: .statusOnline, bold: true), 10))
        } else {
            let detail = sync.detail.map { " (\($0))" } ?? ""
            out.append(("\(glyphs.offline) offline" + detail, Style(role: .statusOffline, bold: true), 10))
        }
        out.append(("pending \(sync.pending)", Style(role: .statusBar, bold: sync.pending > 0), 9))
        if sync.conflicts > 0 {
            out.append(("conflicts \(sync.conflicts)", Style(role: .statusOffline, bold: true), 9))
        }
        if let progress = sync.progress {
            var text = "syncing \(Format.count(progress.done))/\(Format.count(progress.total)) rows"
            if let left = progress.secondsLeft { text += ", \(left)s left" }
            out.append((text, Style(role: .statusBar, bold: true), 8))
        }
        let age = sync.lastSyncAt.map { "synced \(Format.age(state.now - $0)) ago" } ?? "never synced"
        out.append((age, .role(.statusBar), 7))
        var who = state.session.role.rawValue
        if let driver = state.session.driverId, state.session.role == .driver { who += " \(driver)" }
        who += " \(state.session.user)"
        out.append((who, Style(role: .statusBar, dim: true), 6))
        return out
    }

    static func draw(_ state: ScreenState, y: Int, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let width = buffer.width
        buffer.put(String(repeating: " ", count: width), x: 0, y: y, style: .role(.statusBar))
        var parts = segments(state, glyphs: glyphs)
        func total() -> Int { parts.reduce(0) { $0 + DisplayWidth.of($1.text) + 2 } + 1 }
        // Drop the least important segments until the rest fits; the first always stays. Before the
        // pending count would go (40 columns, offline), the offline reason is dropped instead.
        let short = "\(glyphs.offline) offline"
        while total() > width, parts.count > 1,
              let drop = parts.indices.dropFirst().min(by: { parts[$0].priority < parts[$1].priority }) {
            if parts[drop].priority >= 9, !state.sync.online, parts[0].text != short {
                parts[0].text = short
                continue
            }
            parts.remove(at: drop)
        }
        var x = 1
        for (i, part) in parts.enumerated() {
            if i > 0 { x += buffer.put("  ", x: x, y: y, style: .role(.statusBar)) }
            x += buffer.put(part.text, x: x, y: y, style: part.style, maxWidth: width - x)
        }
    }
}
