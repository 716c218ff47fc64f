/// The map pane's borders, decoded once from the generated `MapOutlineData` (Natural Earth
/// reduced by scripts/make-map-outline.sh). Kept in hundredths of a degree, as generated, so
/// nothing is rounded twice; each line carries its bounding box so a zoomed-in frame skips
/// the lines it cannot see without walking their points.
enum MapOutline {
    /// What a line is: the two draw differently so states never pass for coast.
    enum Kind: Sendable, Hashable {
        /// Coasts, lake shores and national borders.
        case outline
        /// A border between two of the lower 48.
        case state
    }

    /// One polyline, points as (lat, lon) in hundredths of a degree.
    struct Polyline: Sendable {
        let kind: Kind
        let lats: [Int32]
        let lons: [Int32]
        let minLat: Int32, maxLat: Int32, minLon: Int32, maxLon: Int32

        init(kind: Kind, lats: [Int32], lons: [Int32]) {
            self.kind = kind
            self.lats = lats
            self.lons = lons
            minLat = lats.min() ?? 0
            maxLat = lats.max() ?? 0
            minLon = lons.min() ?? 0
            maxLon = lons.max() ?? 0
        }

        /// True when the line's box meets the given box (degrees).
        func intersects(minLat: Double, maxLat: Double, minLon: Double, maxLon: Double) -> Bool {
            Double(self.maxLat) / 100 >= minLat && Double(self.minLat) / 100 <= maxLat
                && Double(self.maxLon) / 100 >= minLon && Double(self.minLon) / 100 <= maxLon
        }
    }

    /// State borders first, so the coast is drawn over the ends where they meet it.
    static let polylines: [Polyline] =
        decode(MapOutlineData.states, kind: .state) + decode(MapOutlineData.outline, kind: .outline)

    /// Reads the encoded-polyline text: characters 63...126 carry 5 bits each (0x20 = more
    /// follows), a number is a zigzag integer (low bit = sign), numbers pair up as lat/lon
    /// deltas from the previous point (across lines too), "," ends a line and newlines
    /// (from wrapping the literal) are skipped.
    static func decode(_ text: String, kind: Kind) -> [Polyline] {
        var lines: [Polyline] = []
        var lats: [Int32] = [], lons: [Int32] = []
        var lat: Int32 = 0, lon: Int32 = 0
        var value: Int32 = 0, shift: Int32 = 0
        var pendingLat: Int32?
        func finishLine() {
            if lats.count >= 2 { lines.append(Polyline(kind: kind, lats: lats, lons: lons)) }
            lats.removeAll(keepingCapacity: true)
            lons.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if byte == UInt8(ascii: ",") {
                finishLine()
                continue
            }
            guard byte >= 63, byte <= 126 else { continue }
            let chunk = Int32(byte) - 63
            value |= (chunk & 0x1F) << shift
            shift += 5
            guard chunk < 0x20 else { continue }
            let number = value & 1 == 1 ? ~(value >> 1) : value >> 1
            value = 0
            shift = 0
            if let dLat = pendingLat {
                lat += dLat
                lon += number
                lats.append(lat)
                lons.append(lon)
                pendingLat = nil
            } else {
                pendingLat = number
            }
        }
        finishLine()
        return lines
    }
}
