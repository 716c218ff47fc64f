import Domain

/// The fleet on a character grid: an equirectangular projection of the visible
/// lat/lon box, one pin count per cell, and a legend line.
enum MapView {
    /// Counts per grid cell, by kind.
    struct CellCount: Sendable {
        var drivers = 0
        var pickups = 0
        var deliveries = 0
        var origins = 0
    }

    static func draw(_ state: ScreenState, in area: Rect, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let map = state.map
        let grid = Rect(x: area.x, y: area.y, width: area.width, height: max(0, area.height - 1))
        guard grid.width > 0, grid.height > 0 else { return }
        drawOutline(map, grid: grid, into: &buffer, glyphs: glyphs)
        var counts = [CellCount](repeating: CellCount(), count: grid.width * grid.height)
        for pin in map.pins {
            guard let (cx, cy) = project(lat: pin.lat, lon: pin.lon, map: map, grid: grid) else { continue }
            switch pin.kind {
            case .driver: counts[cy * grid.width + cx].drivers += 1
            case .pickup: counts[cy * grid.width + cx].pickups += 1
            case .delivery: counts[cy * grid.width + cx].deliveries += 1
            }
        }
        if map.showLoads {
            for row in state.board.rows where row.originLat != 0 || row.originLon != 0 {
                guard let (cx, cy) = project(lat: row.originLat, lon: row.originLon, map: map, grid: grid) else { continue }
                counts[cy * grid.width + cx].origins += 1
            }
        }
        if let load = map.selectedLoad { drawRoute(load, map: map, grid: grid, into: &buffer) }
        for cy in 0 ..< grid.height {
            for cx in 0 ..< grid.width {
                let c = counts[cy * grid.width + cx]
                guard let (glyph, style) = glyph(for: c) else { continue }
                buffer.put(glyph, x: grid.x + cx, y: grid.y + cy, style: style)
            }
        }
        // The selected load's ends go on top, in reverse video so they stand out without colour.
        if let load = map.selectedLoad {
            drawSelected(load, map: map, grid: grid, into: &buffer)
        }
        if let id = map.follow, let pin = map.pins.first(where: { $0.kind == .driver && $0.label == id }),
           let (cx, cy) = project(lat: pin.lat, lon: pin.lon, map: map, grid: grid) {
            buffer.put("@", x: grid.x + cx, y: grid.y + cy, style: Style(role: .mapDriver, bold: true, reverse: true))
        }
        drawLegend(map, counts: counts, y: area.maxY - 1, width: area.width, into: &buffer)
    }

    /// The grid cell of a position, or nil outside the visible box.
    static func project(lat: Double, lon: Double, map: MapState, grid: Rect) -> (Int, Int)? {
        let lonSpan = map.maxLon - map.minLon, latSpan = map.maxLat - map.minLat
        guard lonSpan > 0, latSpan > 0, lat >= map.minLat, lat <= map.maxLat,
              lon >= map.minLon, lon <= map.maxLon else { return nil }
        let cx = Int((lon - map.minLon) / lonSpan * Double(grid.width))
        let cy = Int((map.maxLat - lat) / latSpan * Double(grid.height))
        return (min(grid.width - 1, max(0, cx)), min(grid.height - 1, max(0, cy)))
    }

    /// Pickups and deliveries outrank drivers; several drivers show their count.
    static func glyph(for c: CellCount) -> (String, Style)? {
        if c.pickups > 0 { return ("P", Style(role: .mapPickup, bold: true)) }
        if c.deliveries > 0 { return ("D", Style(role: .mapDelivery, bold: true)) }
        switch c.drivers {
        case 0 where c.origins > 0: return ("o", .role(.muted))
        case 0: return nil
        case 1: return ("d", .role(.mapDriver))
        case 2 ... 9: return (String(c.drivers), Style(role: .mapDriver, bold: true))
        default: return ("+", Style(role: .mapDriver, bold: true))
        }
    }

    /// The selected load's straight line from pickup to delivery, under the pins.
    static func drawRoute(_ load: LoadSummary, map: MapState, grid: Rect, into buffer: inout CellBuffer) {
        guard load.originLat != 0 || load.destLat != 0 else { return }
        let steps = max(2, grid.width + grid.height)
        for step in 0 ... steps {
            let t = Double(step) / Double(steps)
            let lat = load.originLat + (load.destLat - load.originLat) * t
            let lon = load.originLon + (load.destLon - load.originLon) * t
            guard let (cx, cy) = project(lat: lat, lon: lon, map: map, grid: grid) else { continue }
            buffer.put("=", x: grid.x + cx, y: grid.y + cy, style: Style(role: .accent, bold: true))
        }
    }

    static func drawSelected(_ load: LoadSummary, map: MapState, grid: Rect, into buffer: inout CellBuffer) {
        for pin in map.pins where pin.kind != .driver && pin.label == load.id {
            guard let (cx, cy) = project(lat: pin.lat, lon: pin.lon, map: map, grid: grid) else { continue }
            let glyph = pin.kind == .pickup ? "P" : "D"
            let role: StyleRole = pin.kind == .pickup ? .mapPickup : .mapDelivery
            buffer.put(glyph, x: grid.x + cx, y: grid.y + cy, style: Style(role: role, bold: true, reverse: true))
        }
    }

    static func drawLegend(_ map: MapState, counts: [CellCount], y: Int, width: Int, into buffer: inout CellBuffer) {
        let drivers = map.driverCount > 0 ? map.driverCount : map.pins.filter { $0.kind == .driver }.count
        var x = buffer.put("d driver 2-9,+ several o load P pickup D delivery = route  ", x: 0, y: y, style: .muted, maxWidth: width)
        if let follow = map.follow {
            x += buffer.put("@ \(follow)  ", x: x, y: y, style: .role(.mapDriver).bolded, maxWidth: max(0, width - x))
        }
        x += buffer.put("\(Format.count(drivers)) drivers", x: x, y: y, style: .role(.accent).bolded, maxWidth: width - x)
        if let load = map.selectedLoad {
            let text = "  \(load.id) \(load.originCity), \(load.originState) > \(load.destCity), \(load.destState)"
            if x + DisplayWidth.of(text) <= width { x += buffer.put(text, x: x, y: y, style: .role(.accent)) }
        }
        let bounds = "lat \(coord(map.minLat))..\(coord(map.maxLat)) lon \(coord(map.minLon))..\(coord(map.maxLon))"
        let boundsWidth = DisplayWidth.of(bounds)
        if x + 2 + boundsWidth <= width { buffer.put(bounds, x: width - boundsWidth, y: y, style: .muted) }
    }

    /// One decimal, enough to say where the window is.
    static func coord(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
