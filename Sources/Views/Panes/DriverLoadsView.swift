import Domain

/// Driver mode, made for 40x20: my loads, then the selected load's next stop with its
/// window, a short timeline of its status events, and the one thing to confirm next.
enum DriverLoadsView {
    static func draw(_ state: ScreenState, in area: Rect, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let d = state.driverLoads
        var y = area.y
        buffer.put("My loads (\(d.loads.count))", x: area.x, y: y, style: .title)
        y += 1
        if d.loads.isEmpty {
            buffer.put("No loads assigned to you.", x: area.x + 1, y: y + 1, style: .muted, maxWidth: area.width - 1)
            return
        }
        // The list takes at most a fifth of the pane so the stop and history stay visible.
        let listRows = max(1, min(d.loads.count, area.height / 5))
        let top = Table.top(selected: d.selected, top: 0, visible: listRows, count: d.loads.count)
        for (offset, load) in d.loads[top ..< min(d.loads.count, top + listRows)].enumerated() {
            let index = top + offset
            let pending = d.pendingLoadIds.contains(load.id)
            let marker = pending ? glyphs.pending : " "
            let next = nextStop(load).map { "\($0.kind == .pickup ? "PU" : "DL") \($0.place)" } ?? "done"
            let text = "\(marker)\(load.id) \(DisplayWidth.pad(load.status.label, to: 10)) \(next)"
            var style: Style = pending ? Style(role: .pending, bold: true) : .plain
            if index == d.selected { style.reverse = true }
            buffer.put(DisplayWidth.pad(text, to: area.width), x: area.x, y: y, style: style)
            y += 1
        }
        guard let load = d.selectedLoad else { return }
        y += 1
        let pending = d.pendingLoadIds.contains(load.id)
        var head = "\(load.id)  \(load.status.label)"
        if pending { head += "  \(glyphs.pending) pending sync" }
        buffer.put(head, x: area.x, y: y, style: pending ? Style(role: .pending, bold: true) : .header, maxWidth: area.width)
        y += 1
        if let delay = load.delay {
            buffer.put("delayed: \(delay.rawValue) \(delay.label)", x: area.x, y: y, style: Style(role: .warn, bold: true),
                       maxWidth: area.width)
            y += 1
        }
        if let stop = nextStop(load) {
            let title = stop.kind == .pickup ? "Next: pickup " : "Next: deliver "
            buffer.put(title + stop.place, x: area.x, y: y, style: .role(.accent).bolded, maxWidth: area.width)
            buffer.put("  window " + Format.window(stop.windowStart, stop.windowEnd), x: area.x, y: y + 1,
                       maxWidth: area.width)
            y += 2
        } else {
            buffer.put("All stops done", x: area.x, y: y, style: .muted, maxWidth: area.width)
            y += 1
        }
        let actionY = area.maxY - 2
        if load.stops.count > 2 {
            // A multi-stop load lists every stop, done ones marked, so the driver sees the whole run.
            for (index, stop) in load.stops.enumerated() where y < actionY - 3 {
                let done = stop.departedAt != nil || (stop.kind == .delivery && stop.arrivedAt != nil && load.status == .delivered)
                let text = "  \(index + 1) \(stop.kind == .pickup ? "PU" : "DL") \(stop.place)\(done ? "  done" : "")"
                buffer.put(text, x: area.x, y: y, style: done ? .muted : .plain, maxWidth: area.width)
                y += 1
            }
        }
        drawHistory(d.events[load.id] ?? [], offset: state.utcOffset, x: area.x, y: y, bottom: actionY,
                    width: area.width, into: &buffer)
        if let (code, stop) = StopProgress.next(for: load) {
            let at = stop.map { load.stops.count > 2 ? " at stop \($0 + 1)" : "" } ?? ""
            buffer.put("c: confirm \(code.label) (\(code.rawValue))\(at)", x: area.x, y: actionY,
                       style: Style(role: .accent, bold: true), maxWidth: area.width)
        } else {
            buffer.put("load is \(load.status.label): nothing to confirm", x: area.x, y: actionY, style: .muted,
                       maxWidth: area.width)
        }
        buffer.put("d: delay   ? help", x: area.x, y: actionY + 1, style: .muted, maxWidth: area.width)
    }

    /// "History": the latest events that fit between `y` and `bottom`, oldest first.
    static func drawHistory(_ events: [StatusEvent], offset: Int64, x: Int, y: Int, bottom: Int, width: Int,
                            into buffer: inout CellBuffer) {
        guard bottom - y >= 2 else { return }
        let shown = events.suffix(bottom - y - 1)
        let hidden = events.count - shown.count
        buffer.put("History" + (hidden > 0 ? " (\(hidden) earlier)" : ""), x: x, y: y, style: .header, maxWidth: width)
        guard !events.isEmpty else {
            buffer.put("  no status reported yet", x: x, y: y + 1, style: .muted, maxWidth: width)
            return
        }
        var line = y + 1
        for event in shown {
            buffer.put(historyLine(event, offset: offset), x: x, y: line, maxWidth: width)
            line += 1
        }
    }

    /// "Nov 25 08:10 X3 at pickup", "… POD delivered, J. Smith", "… SD delayed AI".
    static func historyLine(_ event: StatusEvent, offset: Int64) -> String {
        var text = " \(Format.dateTime(event.at + offset)) \(event.code.rawValue) \(event.code.label)"
        if let reason = event.reason { text += " \(reason.rawValue)" }
        if let signer = event.podSigner { text += ", \(signer)" }
        return text
    }

    /// The first stop not yet departed (or arrived, for the last delivery).
    static func nextStop(_ load: Load) -> Stop? {
        load.stops.first { $0.departedAt == nil && !($0.kind == .delivery && $0.arrivedAt != nil && load.status == .delivered) }
    }
}
