import Domain

/// One carrier in full, over the verification pane: the verdict and why, authority and
/// out-of-service status, safety rating, insurance on file against required, certificate
/// expiry, risk flags and when it was last checked. Every state is a word, never colour alone.
enum CarrierDetailView {
    typealias Line = (text: String, style: Style)

    static func draw(_ state: CarrierDetailState, screen: Rect, now: Int64, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let rect = Box.dialogRect(screen: screen, width: min(76, screen.width - 2), height: min(22, screen.height - 2))
        let inner = Box.draw(rect, title: "Carrier \(state.carrier.id)", into: &buffer, glyphs: glyphs)
        guard inner.height >= 3 else { return }
        let all = lines(state.carrier, now: now)
        let visible = inner.height - 1
        let top = max(0, min(state.scroll, all.count - visible))
        for (offset, line) in all.dropFirst(top).prefix(visible).enumerated() {
            buffer.put(line.text, x: inner.x + 1, y: inner.y + offset, style: line.style, maxWidth: inner.width - 2)
        }
        let more = top + visible < all.count ? "  more below" : ""
        DialogView.footer(" j/k scroll  Esc close" + more, inner: inner, into: &buffer)
    }

    static func lines(_ c: Carrier, now: Int64) -> [Line] {
        var out: [Line] = []
        out.append(("\(c.name)", .header))
        out.append(("DOT \(c.dotNumber)  MC \(c.mcNumber)  \(c.powerUnits) power units", .plain))
        out.append(("Verdict  \(VerificationView.word(c.verdict))  \(c.verdictReason)", VerificationView.style(c.verdict)))
        out.append(("", .plain))
        let authority = "Authority  \(c.authorityLabel), granted \(Format.isoDate(c.authorityGrantedAt))"
        out.append((authority, c.oosDate != nil || !c.allowedToOperate ? Style(role: .danger, bold: true) : .plain))
        out.append(("Out of service  " + (c.oosDate.map { "yes, since \(Format.isoDate($0))" } ?? "no"),
                    c.oosDate != nil ? Style(role: .danger, bold: true) : .plain))
        out.append(("Safety rating  \(c.safetyRating.isEmpty ? "unrated" : c.safetyRating)",
                    c.safetyRating == "Unsatisfactory" || c.safetyRating == "Conditional" ? Style(role: .warn, bold: true) : .plain))
        out.append(("", .plain))
        out.append(("Insurance           on file    required", .header))
        out.append(insurance("Liability (BIPD)", c.bipdOnFile, c.bipdRequired))
        out.append(insurance("Cargo", c.cargoOnFile, c.cargoRequired))
        let days = c.daysToInsuranceExpiry(now: now)
        let expiry = days < 0 ? "EXPIRED \(-days) days ago"
            : days <= Carrier.expiryWarningDays ? "expires in \(days) days (within \(Carrier.expiryWarningDays))" : "in \(days) days"
        out.append(("Certificate expires \(Format.isoDate(c.insuranceExpiresAt))  \(expiry)",
                    days < 0 ? Style(role: .danger, bold: true) : days <= Carrier.expiryWarningDays ? Style(role: .warn, bold: true) : .plain))
        out.append(("", .plain))
        let flags = c.riskFlags(now: now)
        out.append(("Risk flags  \(flags.isEmpty ? "none" : String(flags.count))", .header))
        for flag in flags { out.append(("  ! \(flag)", Style(role: .warn))) }
        out.append(("", .plain))
        out.append(("Last checked \(Format.age(now - c.checkedAt)) ago (\(Format.isoDate(c.checkedAt)))", .muted))
        return out
    }

    static func insurance(_ label: String, _ onFile: Int, _ required: Int) -> Line {
        let short = onFile < required
        let text = DisplayWidth.pad(label, to: 18) + DisplayWidth.pad("$\(Format.count(onFile))K", to: 10, right: true)
            + DisplayWidth.pad("$\(Format.count(required))K", to: 11, right: true) + (short ? "  SHORT" : "  ok")
        return (text, short ? Style(role: .danger, bold: true) : .plain)
    }
}
