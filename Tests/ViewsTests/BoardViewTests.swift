import Domain
import Testing
@testable import Views

@Suite("Load board")
struct BoardViewTests {
    @Test(arguments: [80, 100, 120]) func aCutCityKeepsItsState(width: Int) {
        var state = Fixtures.boardState(width: width)
        state.board.rows = [Fixtures.load(0, origin: ("Kansas City", "MO"), dest: ("Rancho Cucamonga", "CA")),
                            Fixtures.load(1, origin: ("Dallas", "TX"), dest: ("Houston", "TX"))]
        let lines = Screen.render(state).trimmedLines
        let row = lines[3]
        #expect(row.contains(", MO") && row.contains(", CA"), "\(width) columns: \(row)")
        #expect(!row.contains("Kansas City, …") && !row.contains("Kansas City, M "), "\(width): \(row)")
        if width == 80 {
            #expect(row.contains("Kansas Ci…, MO") && row.contains("Rancho Cu…, CA"), "\(row)")
            #expect(lines[4].contains("Dallas, TX     Houston, TX"), "short names are untouched")
        }
    }

    @Test(arguments: [80, 120]) func aMultiStopLoadShowsFirstPickupToLastDeliveryWithItsStopCount(width: Int) {
        var state = Fixtures.boardState(width: width)
        var load = Fixtures.load(0, origin: ("Dallas", "TX"), dest: ("San Bernardino", "CA"))
        load.stopCount = 4
        state.board.rows = [load, Fixtures.load(1, origin: ("Dallas", "TX"), dest: ("Houston", "TX"))]
        let lines = Screen.render(state).trimmedLines
        #expect(lines[3].contains(", CA +2"), "\(width) columns: \(lines[3])")
        #expect(!lines[4].contains("+"), "a two-stop load has no count: \(lines[4])")
    }

    @Test func fitKeepsTheEndOnlyWhenALetterStillShows() {
        #expect(Table.fit("Kansas City, MO", width: 13, keepingEnd: 4, ellipsis: "…") == "Kansas C…, MO")
        #expect(Table.fit("Kansas City, MO", width: 15, keepingEnd: 4, ellipsis: "…") == "Kansas City, MO")
        #expect(Table.fit("Kansas City, MO", width: 9, keepingEnd: 4, ellipsis: "~") == "Kans~, MO")
        #expect(Table.fit("Kansas City, MO", width: 5, keepingEnd: 4, ellipsis: "…") == "Kansas City, MO",
                "too narrow for the state: the table cuts it as before")
        #expect(Table.fit("東京都市, JP", width: 10, keepingEnd: 4, ellipsis: "…") == "東京…, JP")
    }

    @Test func boardAt80x24() {
        var state = Fixtures.boardState()
        state.board.selected = 2
        state.board.selectedPosition = 2
        let buffer = Screen.render(state)
        let lines = buffer.trimmedLines
        #expect(lines[1] == "all loads  sort: pickup date ▲  * pending sync    row 3 of 100,000  avg $2.45/mi")
        #expect(lines[2] == "  ID    Status     Origin         Dest           Pickup       Eq     Rate  $/mi")
        #expect(lines[3] == "  L1000 posted     Dallas, TX     Houston, TX    Nov 25 08:00 V    $1,234  2.45█")
        #expect(lines[4] == "  L1001 assigned   Dallas, TX     Houston, TX    Nov 25 09:00 V    $1,234  2.45│")
        #expect(lines[6] == "* L1003 assigned   Dallas, TX     Houston, TX    Nov 25 11:00 V    $1,234  2.45│")
        #expect(lines[21] == "  L1018 posted     Dallas, TX     Houston, TX    Nov 26 02:00 V    $1,234  2.45│")
    }

    @Test func selectedRowIsReverseVideoAndPendingRowIsMarkedAndStyled() {
        var state = Fixtures.boardState()
        state.board.selected = 2
        let buffer = Screen.render(state)
        #expect(buffer[10, 5].style.reverse)
        #expect(!buffer[10, 4].style.reverse)
        #expect(!buffer[10, 6].style.reverse)
        // Row L1003 is pending: a "*" in the leading column and the pending role, bold.
        #expect(buffer[0, 6].text == "*")
        #expect(buffer[10, 6].style.role == .pending && buffer[10, 6].style.bold)
        #expect(buffer[10, 4].style.role != .pending)
    }

    @Test func sortArrowAndAsciiFallback() {
        var state = Fixtures.boardState()
        state.board.query = BoardQuery(origin: PlaceFilter(state: "TX"), sort: .ratePerMile, descending: true)
        #expect(Screen.render(state).trimmedLines[1].hasPrefix("from TX  sort: rate/mile ▼"))
        state.asciiOnly = true
        let ascii = Screen.render(state)
        #expect(ascii.trimmedLines[1].hasPrefix("from TX  sort: rate/mile v"))
        #expect(ascii.trimmedLines[3].hasSuffix("#"))
        // A filter in force is summarised on the message line with the key to clear it.
        #expect(ascii.trimmedLines[22].hasPrefix("filter: from TX  F clear"))
    }

    @Test func wideScreenShowsMoreColumnsAndFullCityNames() {
        var state = Fixtures.boardState(width: 200, height: 50)
        state.board.rows[0] = Fixtures.load(0, origin: ("Oklahoma City", "OK"), dest: ("東京", "CA"))
        let buffer = Screen.render(state)
        let header = buffer.trimmedLines[2]
        for column in ["Miles", "Wt", "Driver", "Ref", "Len", "Posted"] { #expect(header.contains(column)) }
        #expect(buffer.trimmedLines[3].contains("Oklahoma City, OK"))
        #expect(buffer.trimmedLines[3].contains("東京, CA"))
        #expect(buffer.trimmedLines[4].contains(" D1 "))
        // Columns stay aligned although 東京 takes four columns for two characters.
        let eqColumn = columnOf("Eq", in: buffer.line(2))
        #expect(eqColumn != nil)
        #expect(columnOf(" V ", in: buffer.line(3)).map { $0 + 1 } == eqColumn)
        #expect(columnOf(" V ", in: buffer.line(4)).map { $0 + 1 } == eqColumn)
        #expect(buffer.lines().allSatisfy { DisplayWidth.of($0) == 200 })
        #expect(buffer.trimmedLines.count == 50)
        #expect(buffer.text.contains("L1044"))
        #expect(!buffer.text.contains("L1045"))
    }

    @Test func windowFollowsTopAndKeepsTheSelectionVisible() {
        var state = Fixtures.boardState()
        state.board.top = 20
        state.board.selected = 25
        #expect(Screen.render(state).trimmedLines[3].hasPrefix("  L1020"))
        // A stale top that would hide the selection is corrected by the view.
        state.board.top = 0
        state.board.selected = 40
        let lines = Screen.render(state).trimmedLines
        #expect(lines[21].contains("L1040"))
    }

    @Test func scrollbarThumbShowsPositionInTheWholeResult() {
        var state = Fixtures.boardState()
        state.board.selectedPosition = 99_999
        let buffer = Screen.render(state)
        #expect(buffer[79, 21].text == "█")
        #expect(buffer[79, 3].text == "│")
    }

    @Test func emptyAndLoadingBoards() {
        var state = Fixtures.boardState(rows: 0)
        state.board.totalCount = 0
        state.board.query = BoardQuery(equipment: ["R"])
        #expect(Screen.render(state).text.contains("No loads match equip=R  (F clears the filter)"))
        #expect(Screen.render(state).trimmedLines[1].hasSuffix("0 loads  avg $2.45/mi"))
        state.board.loading = true
        #expect(Screen.render(state).text.contains("loading loads…"))
    }
}

/// Display column where `needle` starts in `line`.
func columnOf(_ needle: String, in line: String) -> Int? {
    guard let range = line.firstRange(of: needle) else { return nil }
    return DisplayWidth.of(String(line[..<range.lowerBound]))
}
