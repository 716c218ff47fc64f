import Domain
import Testing
@testable import Views

/// The map's US outline: where it lands on an 80x24 screen, what stays empty (oceans, the
/// lake), that it survives a zoom to one metro area, and that pins win over it.
@Suite("Map outline")
struct MapOutlineTests {
    let coast = Glyphs.unicode.mapOutline, state = Glyphs.unicode.mapState

    /// The map pane at 80x24: grid rows are buffer rows 1...20, the legend is row 21.
    func render(box: (Double, Double, Double, Double)? = nil, pins: [MapPin] = [], ascii: Bool = false) -> CellBuffer {
        var s = Fixtures.state()
        s.pane = .map
        s.asciiOnly = ascii
        if let box { (s.map.minLat, s.map.maxLat, s.map.minLon, s.map.maxLon) = box }
        s.map.pins = pins
        return Screen.render(s)
    }

    /// Text of the cells of grid row `row` (0-based, buffer row + 1) in `columns`.
    func cells(_ buffer: CellBuffer, row: Int, _ columns: ClosedRange<Int> = 0 ... 79) -> [String] {
        columns.map { buffer[$0, 1 + row].text }
    }

    /// A block of grid cells as text, one line per row, so a failure shows what was drawn there.
    func region(_ buffer: CellBuffer, rows: ClosedRange<Int>, columns: ClosedRange<Int>) -> String {
        rows.map { cells(buffer, row: $0, columns).joined() }.joined(separator: "\n")
    }

    func isBlank(_ text: String) -> Bool { text.allSatisfy { $0 == " " || $0 == "\n" } }


    @Test func wholeCountryHasCoastOnEveryRowAndStatesInside() {
        let buffer = render()
        // Lat 50...24 over 20 rows: the lower 48 (and the border at 49°N) touch every row.
        for row in 0 ..< 20 { #expect(cells(buffer, row: row).contains(coast), "row \(row)") }
        // From North Dakota down to the Texas panhandle and Florida's neck, states meet states.
        for row in 1 ... 14 { #expect(cells(buffer, row: row).contains(state), "row \(row)") }
        // Row 7 is lat 41.3...40.0: the Pacific at Cape Mendocino (-124.4°, column 0-1) to
        // Long Island (-72°, column 71); nothing east of it but ocean.
        let row7 = cells(buffer, row: 7)
        let first = row7.firstIndex { $0 != " " }, last = row7.lastIndex { $0 != " " }
        #expect(first.map { $0 <= 2 && row7[$0] == coast } == true)
        #expect(last.map { (66 ... 74).contains($0) && row7[$0] == coast } == true)
        #expect(buffer.trimmedLines[21].hasPrefix("d driver"))
    }

    @Test func oceansAtTheFarCornersAndTheGulfStayEmpty() {
        let buffer = render()
        #expect(isBlank(region(buffer, rows: 14 ... 19, columns: 0 ... 6))) // Pacific, lat < 31.8, lon < -119.8
        #expect(isBlank(region(buffer, rows: 15 ... 19, columns: 72 ... 79))) // Atlantic, lat < 30.5, lon > -72
        #expect(isBlank(region(buffer, rows: 17 ... 19, columns: 44 ... 54))) // Gulf of Mexico, lat < 28, lon -92.6...-85
        #expect(!isBlank(region(buffer, rows: 14 ... 19, columns: 11 ... 40))) // ...while Baja and Texas are there
    }

    @Test func metroZoomOnChicagoShowsTheLakeShoreAndTheStateLine() {
        // 1.6° x 1.8°: one column is about 0.02°, forty times the whole-country zoom.
        let buffer = render(box: (41.0, 42.6, -88.6, -86.8),
                            pins: [MapPin(kind: .pickup, lat: 41.88, lon: -87.63, label: "L1")])
        // Illinois/Indiana at -87.53° is column 47, from the lake shore (41.76°) down.
        for row in 12 ... 19 { #expect(buffer[47, 1 + row].text == state, "row \(row)") }
        #expect(buffer[47, 1 + 15].style.dim)
        // Wisconsin/Illinois at 42.49° is row 1, west of the shore.
        #expect(cells(buffer, row: 1, 0 ... 34).filter { $0 == state }.count >= 30)
        // The shore runs from top to bottom-right; Lake Michigan itself is empty.
        let shoreRows = (0 ..< 20).filter { cells(buffer, row: $0).contains(coast) }
        #expect(shoreRows.count >= 10)
        #expect(isBlank(region(buffer, rows: 0 ... 7, columns: 50 ... 79)))
        #expect(buffer.text.contains("P"))
    }

    @Test func pinsDrawOverBorders() throws {
        // The Kansas/Oklahoma line runs along 37°N; a driver on it.
        let onStateLine = (lat: 37.0, lon: -98.0)
        let map = MapState(), grid = Rect(x: 0, y: 1, width: 80, height: 20)
        let (sx, sy) = try #require(MapView.project(lat: onStateLine.lat, lon: onStateLine.lon, map: map, grid: grid))
        // A pickup on a coast vertex near Galveston.
        let vertex = try #require(nearestOutlineVertex(lat: 29.3, lon: -94.8))
        let (cx, cy) = try #require(MapView.project(lat: vertex.lat, lon: vertex.lon, map: map, grid: grid))

        let bare = render()
        #expect(bare[sx, 1 + sy].text == state && bare[sx - 1, 1 + sy].text == state)
        #expect(bare[cx, 1 + cy].text == coast)

        let pinned = render(pins: [MapPin(kind: .driver, lat: onStateLine.lat, lon: onStateLine.lon, label: "D1"),
                                   MapPin(kind: .pickup, lat: vertex.lat, lon: vertex.lon, label: "L1")])
        #expect(pinned[sx, 1 + sy].text == "d")
        #expect(pinned[sx - 1, 1 + sy].text == state && pinned[sx + 1, 1 + sy].text == state)
        #expect(pinned[cx, 1 + cy].text == "P" && pinned[cx, 1 + cy].style.role == .mapPickup)
    }

    func nearestOutlineVertex(lat: Double, lon: Double) -> (lat: Double, lon: Double)? {
        var best: (lat: Double, lon: Double, distance: Double)?
        for line in MapOutline.polylines where line.kind == .outline {
            for i in line.lats.indices {
                let p = (lat: Double(line.lats[i]) / 100, lon: Double(line.lons[i]) / 100)
                let d = (p.lat - lat) * (p.lat - lat) + (p.lon - lon) * (p.lon - lon)
                if best == nil || d < best!.distance { best = (p.lat, p.lon, d) }
            }
        }
        return best.map { ($0.lat, $0.lon) }
    }

    @Test func coastAndStatesDifferWithoutColourAndInAscii() {
        let unicode = render(), ascii = render(ascii: true)
        let grid = (0 ..< 20).flatMap { cells(unicode, row: $0) }
        let asciiGrid = (0 ..< 20).flatMap { cells(ascii, row: $0) }
        #expect(coast != state)
        #expect(asciiGrid.contains(":") && asciiGrid.contains("."))
        #expect(!asciiGrid.contains(coast) && !asciiGrid.contains(state))
        // Same cells, other glyphs.
        #expect(grid.map { $0 == coast } == asciiGrid.map { $0 == ":" })
        #expect(grid.map { $0 == state } == asciiGrid.map { $0 == "." })
        // Muted (dim) state lines under plain border-coloured coast.
        let stateCell = unicode[31, 1 + 8], coastCell = unicode[0, 1 + 7]
        #expect(stateCell.text == state && stateCell.style.dim && stateCell.style.role == .muted)
        #expect(coastCell.text == coast && !coastCell.style.dim && coastCell.style.role == .border)
    }

    @Test func emptyOceanAndBoxesPartlyOffTheDataDrawSafely() {
        let pacific = render(box: (30, 35, -150, -140))
        #expect(isBlank(region(pacific, rows: 0 ... 19, columns: 0 ... 79)))
        // Panned far north-east past the data: coast where there is some, nothing drawn off the grid.
        let panned = render(box: (40, 66, -100, -41))
        let glyphs = (0 ..< 20).flatMap { cells(panned, row: $0) }.filter { $0 == coast }
        #expect(glyphs.count > 20)
        #expect(panned.trimmedLines[0] == pacific.trimmedLines[0])
        #expect(panned.trimmedLines[21].hasPrefix("d driver"))
    }

    @Test func decoderReadsEncodedPolylines() {
        // Google's documented example, then lines split by "," with deltas running across them.
        let example = MapOutline.decode("_p~iF~ps|U_ulLnnqC_mqNvxq`@", kind: .state)
        #expect(example.count == 1)
        #expect(example.first?.lats == [3_850_000, 4_070_000, 4_325_200])
        #expect(example.first?.lons == [-12_020_000, -12_095_000, -12_645_300])
        let lines = MapOutline.decode("gEnKcB\ngE,jHgE,ACCC", kind: .outline)
        #expect(lines.map(\.lats) == [[100, 150], [1, 3]]) // the one-point line is dropped
        #expect(lines.map(\.lons) == [[-200, -100], [2, 4]])
        #expect(lines.first?.minLon == -200 && lines.first?.maxLat == 150)
    }

    @Test func shippedDataIsSmallAndInPlace() {
        let lines = MapOutline.polylines
        #expect(MapOutlineData.outline.utf8.count + MapOutlineData.states.utf8.count < 100_000)
        #expect(lines.filter { $0.kind == .outline }.count > 100)
        #expect(lines.filter { $0.kind == .state }.count > 100)
        // Within a few degrees of the generator's box (lon -130...-60, lat 20...53).
        #expect(lines.allSatisfy { $0.minLat >= 1_500 && $0.maxLat <= 5_800 && $0.minLon >= -13_500 && $0.maxLon <= -5_500 })
    }
}
