import Foundation
import Domain

/// One load in full, over the board: stops with windows and actual times, the status timeline,
/// notes, the carrier's verdict, the invoice and payout, and the best drivers while it is posted.
enum LoadDetailView {
    typealias Line = (text: String, style: Style)

    static func draw(_ state: LoadDetailState, screen: Rect, now: Int64, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let rect = Box.dialogRect(screen: screen, width: min(100, screen.width - 2), height: screen.height - 2)
        let inner = Box.draw(rect, title: "Load \(state.loadId)", into: &buffer, glyphs: glyphs)
        guard inner.height >= 3 else { return }
        guard let detail = state.detail else {
            buffer.put("reading \(state.loadId)" + glyphs.ellipsis, x: inner.x + 1, y: inner.y, style: .muted, maxWidth: inner.width - 1)
            DialogView.footer(" Esc close", inner: inner, into: &buffer)
            return
        }
        let all = lines(detail, now: now, glyphs: glyphs)
        let visible = inner.height - 1
        let top = max(0, min(state.scroll, all.count - visible))
        for (offset, line) in all.dropFirst(top).prefix(visible).enumerated() {
            buffer.put(line.text, x: inner.x + 1, y: inner.y + offset, style: line.style, maxWidth: inner.width - 2)
        }
        let more = top + visible < all.count ? "  more below" : ""
        let status = detail.load.status
        var keys = status == .posted ? " a assign best" : status == .assigned ? " T tender  u unassign" : ""
        if !LoadEditPolicy.allowed(in: status).isEmpty { keys += "  e edit" }
        if status < .arrivedPickup { keys += "  x cancel" }
        keys += "  j/k scroll  Esc close"
        DialogView.footer(keys + more, inner: inner, into: &buffer)
    }

    /// The detail as lines, so scrolling is a slice and tests read it as text.
    static func lines(_ d: LoadDetail, now: Int64, glyphs: Glyphs) -> [Line] {
        let load = d.load
        var out: [Line] = []
        var head = "\(load.id)  ref \(load.reference)  \(load.status.label.uppercased())"
        if let delay = load.delay { head += "  delayed: \(delay.rawValue) \(delay.label)" }
        if d.pending { head += "  \(glyphs.pending) pending sync" }
        out.append((head, d.pending ? Style(role: .pending, bold: true) : .header))
        let equipment = Equipment.named(load.equipment)?.name ?? load.equipment
        out.append(("\(load.shipper)  \(glyphs.mapState) \(load.commodity)\(load.hazmat ? "  HAZMAT" : "")", .plain))
        out.append(("\(equipment) \(load.lengthFt) ft \(load.fullLoad ? "full" : "partial")  \(Format.count(load.weightLbs)) lb"
                    + "  \(Format.count(load.miles)) mi  \(Money.dollars(load.rateCents)) (\(Money.perMile(load.ratePerMileCents)))"
                    + (load.unitRateCents.map { "  quoted \(RateKind.describe($0, load.rateKind))" } ?? "")
                    + "  posted \(Format.age(now - load.postedAt)) ago", .plain))
        out.append(("", .plain))
        out.append(("Stops (\(load.stops.count))", .title))
        for (index, stop) in load.stops.enumerated() {
            let kind = stop.kind == .pickup ? "Pickup " : "Deliver"
            let zone = stop.timeZone
            let window = LocalTime.formatWindow(stop.windowStart, stop.windowEnd, in: zone)
            let abbreviation = LocalTime.abbreviation(zone, at: stop.windowStart)
            out.append(("\(index + 1). \(kind)  \(stop.place) \(stop.zip)  window \(window) \(abbreviation)"
                        + (stop.address.map { "  \($0)" } ?? ""), .plain))
            let arrived = stop.arrivedAt.map { LocalTime.short($0, in: zone) } ?? "-"
            let departed = stop.departedAt.map { LocalTime.short($0, in: zone) } ?? "-"
            var actual = "            arrived \(arrived)  departed \(departed)"
            if let at = stop.arrivedAt, at > stop.windowEnd { actual += "  LATE \(Format.age(at - stop.windowEnd))" }
            out.append((actual, stop.arrivedAt == nil ? .muted : .plain))
        }
        if let call = load.checkCall {
            let next = load.stops.indices.contains(call.nextStop) ? load.stops[call.nextStop] : nil
            let eta = next.map { LocalTime.format(call.etaAt, in: $0.timeZone) } ?? Format.dateTime(call.etaAt)
            out.append(("Check call \(Format.age(max(0, now - call.at))) ago: at \(call.place), ETA \(eta)"
                        + (next.map { " at \($0.place)" } ?? "") + "  by \(call.recordedBy)"
                        + (call.note.map { "  \(glyphs.mapState) \($0)" } ?? ""), Style(role: .accent)))
        }
        out.append(("", .plain))
        out.append(("Timeline (\(d.events.count))", .title))
        if d.events.isEmpty { out.append(("no status events yet", .muted)) }
        for event in d.events {
            var text = "\(Format.dateTime(event.at))  \(event.code.rawValue)  \(event.code.label)"
            if let reason = event.reason { text += ": \(reason.rawValue) \(reason.label)" }
            text += "  by \(event.recordedBy)"
            if let note = event.note, !note.isEmpty { text += "  \(glyphs.mapState) \(note)" }
            out.append((text, event.reason == nil ? .plain : Style(role: .warn, bold: true)))
        }
        let notes = load.notes ?? []
        if !notes.isEmpty {
            out.append(("", .plain))
            out.append(("Notes (\(notes.count))", .title))
            for note in notes { out.append(("\(Format.dateTime(note.at))  \(note.by): \(note.text)", .plain)) }
        }
        out.append(("", .plain))
        out.append(("Carrier and driver", .title))
        if let carrier = d.carrier {
            out.append(("\(carrier.name)  DOT \(carrier.dotNumber)  MC \(carrier.mcNumber)  "
                        + "\(VerificationView.word(carrier.verdict)): \(carrier.verdictReason)", VerificationView.style(carrier.verdict)))
        } else {
            out.append(("no carrier yet", .muted))
        }
        if let driver = d.driver {
            out.append(("\(driver.id) \(driver.name)  \(driver.equipment)  drive left \(Format.hours(minutes: driver.hos.driveMinutes))"
                        + "  seen \(Format.age(now - driver.positionAt)) ago", .plain))
        }
        out.append(("", .plain))
        out.append(("Money", .title))
        if let invoice = d.invoice {
            let bucket = Invoice.agingLabels[min(3, max(0, invoice.agingBucket(now: now)))]
            out.append(("Invoice \(invoice.id)  \(Money.dollars(invoice.amountCents))  \(invoice.status.rawValue)"
                        + "  issued \(Format.date(invoice.issuedAt))  aging \(bucket) days", .plain))
        } else {
            out.append(("no invoice yet", .muted))
        }
        if let payout = d.payout {
            var text = "Payout \(payout.id)  \(Money.dollars(payout.amountCents))  \(payout.method.rawValue)  \(payout.status.rawValue)"
            if payout.feeCents > 0 { text += "  fee \(Money.dollars(payout.feeCents)) net \(Money.dollars(payout.netCents))" }
            if let reason = payout.holdReason { text += "  held: \(reason)" }
            out.append((text, .plain))
        } else {
            out.append(("no payout yet", .muted))
        }
        if load.status == .posted {
            out.append(("", .plain))
            out.append(("Best drivers (a assigns the first)", .title))
            if d.bestDrivers.isEmpty { out.append(("no available driver within 250 mi deadhead", .muted)) }
            for (rank, match) in d.bestDrivers.enumerated() {
                let warnings = match.warnings.isEmpty ? "" : "  ! " + match.warnings.joined(separator: ", ")
                out.append(("\(rank + 1). \(match.driver.id) \(match.driver.name)  \(match.deadheadMiles) mi deadhead"
                            + "  \(match.driver.equipment)  \(Format.hours(minutes: match.hosMinutesLeft)) left"
                            + "  \(VerificationView.word(match.verdict))\(warnings)",
                            match.warnings.isEmpty ? .plain : Style(role: .warn)))
            }
        }
        return out
    }
}
