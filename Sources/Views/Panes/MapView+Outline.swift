import Domain

extension MapView {
    /// Draws coasts, national and state borders under the pins. Lines are rasterised in grid
    /// units with the same projection as `project`, so a pin on a border lands on the border's
    /// cell; each segment is clipped to the visible box first, so zooming to a metro area costs
    /// no more than the whole country. Coast and state lines use different glyphs (and styles)
    /// so they stay apart without colour.
    static func drawOutline(_ map: MapState, grid: Rect, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let lonSpan = map.maxLon - map.minLon, latSpan = map.maxLat - map.minLat
        guard lonSpan > 0, latSpan > 0, grid.width > 0, grid.height > 0 else { return }
        let width = Double(grid.width), height = Double(grid.height)
        for line in MapOutline.polylines
        where line.intersects(minLat: map.minLat, maxLat: map.maxLat, minLon: map.minLon, maxLon: map.maxLon) {
            let glyph = line.kind == .outline ? glyphs.mapOutline : glyphs.mapState
            let style = line.kind == .outline ? Style.role(.border) : Style.muted
            var plotter = LinePlotter(grid: grid), previous: (x: Double, y: Double)?
            for i in line.lats.indices {
                // The same arithmetic as `project`, so both round a position to the same cell.
                let point = (x: (Double(line.lons[i]) / 100 - map.minLon) / lonSpan * width,
                             y: (map.maxLat - Double(line.lats[i]) / 100) / latSpan * height)
                if let previous {
                    plotter.segment(from: previous, to: point) { cx, cy in
                        buffer.put(glyph, x: grid.x + cx, y: grid.y + cy, style: style)
                    }
                }
                previous = point
            }
        }
    }

    /// Turns the segments of one polyline, in grid units (x right, y down; the grid spans
    /// 0..<width, 0..<height), into the cells they cross, skipping the cell it just plotted.
    struct LinePlotter {
        let width: Double, height: Double
        let maxX: Int, maxY: Int
        private var last = (x: -1, y: -1)

        init(grid: Rect) {
            width = Double(grid.width)
            height = Double(grid.height)
            maxX = grid.width - 1
            maxY = grid.height - 1
        }

        /// Clips the segment to the grid (Liang-Barsky), then samples it every half cell.
        mutating func segment(from a: (x: Double, y: Double), to b: (x: Double, y: Double),
                              plot: (Int, Int) -> Void) {
            let dx = b.x - a.x, dy = b.y - a.y
            var t0 = 0.0, t1 = 1.0
            for (p, q) in [(-dx, a.x), (dx, width - a.x), (-dy, a.y), (dy, height - a.y)] {
                if p == 0 {
                    if q < 0 { return }
                    continue
                }
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
                if t0 > t1 { return }
            }
            // Unclipped ends stay exact, so a vertex lands in the cell `project` gives it.
            let start = t0 == 0 ? a : (x: a.x + dx * t0, y: a.y + dy * t0)
            let end = t1 == 1 ? b : (x: a.x + dx * t1, y: a.y + dy * t1)
            let steps = max(1, Int((max(abs(end.x - start.x), abs(end.y - start.y)) * 2).rounded(.up)))
            for k in 0 ... steps {
                let t = Double(k) / Double(steps)
                let p = k == steps ? end : (x: start.x + (end.x - start.x) * t, y: start.y + (end.y - start.y) * t)
                let x = min(maxX, max(0, Int(p.x.rounded(.down))))
                let y = min(maxY, max(0, Int(p.y.rounded(.down))))
                if (x, y) == last { continue }
                last = (x, y)
                plot(x, y)
            }
        }
    }
}
