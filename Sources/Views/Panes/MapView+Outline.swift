import Domain

extension MapView {
    /// A rough outline of the lower 48 (lat, lon), clockwise from Cape Flattery; good
    /// enough to orient a dispatcher until real borders arrive.
    static let lower48: [(Double, Double)] = [
        (48.4, -124.7), (49.0, -123.0), (49.0, -95.2), (49.4, -95.1), (48.0, -89.6), (46.8, -84.6),
        (45.9, -83.5), (43.0, -82.4), (41.7, -83.5), (42.6, -79.1), (43.3, -79.0), (43.5, -76.3),
        (45.0, -74.7), (45.0, -71.5), (47.4, -69.2), (47.1, -67.8), (44.8, -66.9), (43.6, -70.2),
        (42.0, -70.0), (41.5, -71.1), (40.6, -74.0), (38.9, -74.9), (37.0, -76.0), (35.2, -75.5),
        (33.8, -78.5), (32.0, -81.0), (30.4, -81.4), (27.0, -80.0), (25.2, -80.4), (25.9, -81.7),
        (27.8, -82.7), (29.9, -84.0), (30.4, -86.5), (30.3, -89.0), (29.1, -89.2), (29.5, -92.0),
        (29.7, -94.0), (28.0, -97.0), (26.0, -97.2), (26.4, -99.0), (29.8, -101.4), (29.0, -103.0),
        (31.8, -106.5), (31.3, -108.2), (31.3, -111.0), (32.5, -114.8), (32.7, -117.1), (34.0, -118.5),
        (34.5, -120.6), (36.5, -121.9), (38.0, -123.0), (40.4, -124.4), (43.0, -124.5), (46.2, -124.0),
    ]

    /// Dims the cells on the coast/border: inside the outline with a neighbour outside it.
    static func drawOutline(_ map: MapState, grid: Rect, into buffer: inout CellBuffer) {
        let lonSpan = map.maxLon - map.minLon, latSpan = map.maxLat - map.minLat
        guard lonSpan > 0, latSpan > 0 else { return }
        func inside(_ cx: Int, _ cy: Int) -> Bool {
            let lon = map.minLon + (Double(cx) + 0.5) / Double(grid.width) * lonSpan
            let lat = map.maxLat - (Double(cy) + 0.5) / Double(grid.height) * latSpan
            return contains(lat: lat, lon: lon)
        }
        var land = [Bool](repeating: false, count: (grid.width + 2) * (grid.height + 2))
        for cy in -1 ... grid.height {
            for cx in -1 ... grid.width { land[(cy + 1) * (grid.width + 2) + cx + 1] = inside(cx, cy) }
        }
        func isLand(_ cx: Int, _ cy: Int) -> Bool { land[(cy + 1) * (grid.width + 2) + cx + 1] }
        for cy in 0 ..< grid.height {
            for cx in 0 ..< grid.width where isLand(cx, cy) {
                if !isLand(cx - 1, cy) || !isLand(cx + 1, cy) || !isLand(cx, cy - 1) || !isLand(cx, cy + 1) {
                    buffer.put(".", x: grid.x + cx, y: grid.y + cy, style: .muted)
                }
            }
        }
    }

    /// Even-odd ray casting against the outline.
    static func contains(lat: Double, lon: Double) -> Bool {
        var inside = false
        var j = lower48.count - 1
        for i in lower48.indices {
            let (yi, xi) = lower48[i], (yj, xj) = lower48[j]
            if (yi > lat) != (yj > lat), lon < (xj - xi) * (lat - yi) / (yj - yi) + xi { inside.toggle() }
            j = i
        }
        return inside
    }
}
