import Testing
@testable import Views

@Suite("CellBuffer and display width")
struct CellBufferTests {
    @Test func wideCharactersTakeTwoColumns() {
        #expect(DisplayWidth.of("東" as Character) == 2)
        #expect(DisplayWidth.of("🚚" as Character) == 2)
        #expect(DisplayWidth.of("a" as Character) == 1)
        #expect(DisplayWidth.of("e\u{301}" as Character) == 1) // e + combining acute
        #expect(DisplayWidth.of("❤️" as Character) == 2) // VS16 emoji presentation
        #expect(DisplayWidth.of("🇺🇸" as Character) == 2)
        #expect(DisplayWidth.of("東京 🚚 ok") == 10)
        #expect(DisplayWidth.of("\u{200B}") == 0)
    }

    @Test func truncateAndPadByDisplayWidth() {
        #expect(DisplayWidth.truncate("東京都庁", to: 5) == "東京…")
        #expect(DisplayWidth.truncate("東京都庁", to: 5, ellipsis: false) == "東京")
        #expect(DisplayWidth.truncate("Dallas", to: 6) == "Dallas")
        #expect(DisplayWidth.truncate("Oklahoma City", to: 8) == "Oklahom…")
        #expect(DisplayWidth.pad("東", to: 4) == "東  ")
        #expect(DisplayWidth.pad("7", to: 3, right: true) == "  7")
        #expect(DisplayWidth.of(DisplayWidth.pad("🚚 truck", to: 5)) == 5)
    }

    @Test func putPlacesWideCharactersWithContinuationCells() {
        var buffer = CellBuffer(width: 6, height: 1)
        let written = buffer.put("a東b", x: 0, y: 0)
        #expect(written == 4)
        #expect(buffer[1, 0].text == "東")
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[3, 0].text == "b")
        #expect(buffer.lines() == ["a東b  "])
    }

    @Test func putClipsAtEdgeAndMaxWidthWithoutSplittingWideCharacters() {
        var buffer = CellBuffer(width: 5, height: 1)
        #expect(buffer.put("ab東京", x: 0, y: 0) == 4)
        #expect(buffer.lines() == ["ab東 "])
        var clipped = CellBuffer(width: 10, height: 1)
        #expect(clipped.put("🚚🚚🚚", x: 1, y: 0, maxWidth: 5) == 4)
        #expect(clipped.lines() == [" 🚚🚚     "])
        #expect(clipped.put("xyz", x: 8, y: 0) == 2)
        #expect(clipped.put("nothing", x: 0, y: 3) == 0)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("東京", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0) // right half of 東
        #expect(buffer.lines() == [" x京"])
        buffer.put("y", x: 2, y: 0) // left half of 京
        #expect(buffer.lines() == [" xy "])
    }

    @Test func linesAreAlwaysTheBufferWidth() {
        var buffer = CellBuffer(width: 7, height: 2)
        buffer.put("東京🚚", x: 0, y: 1)
        for line in buffer.lines() { #expect(DisplayWidth.of(line) == 7) }
    }

    @Test func diffWritesOnlyChangedCells() {
        var old = CellBuffer(width: 20, height: 2)
        old.put("hello world", x: 0, y: 0)
        var new = old
        new.put("J", x: 6, y: 0)
        let runs = new.diff(from: old)
        #expect(runs.count == 1)
        #expect(runs.first?.y == 0)
        #expect(runs.first?.x == 6)
        #expect(runs.first?.cells.map(\.text) == ["J"])
        #expect(new.diff(from: new).isEmpty)
        // A size change repaints every row.
        #expect(new.diff(from: CellBuffer(width: 10, height: 2)).count == 2)
        #expect(new.diff(from: nil).map(\.cells.count) == [20, 20])
    }

    @Test func diffNeverStartsOnTheRightHalfOfAWideCharacter() {
        var old = CellBuffer(width: 6, height: 1)
        old.put("ab", x: 0, y: 0)
        var new = old
        new.put("東", x: 2, y: 0)
        var changedStyle = new
        changedStyle.restyle(x: 3, y: 0, width: 1) { $0.bold = true }
        let runs = changedStyle.diff(from: new)
        #expect(runs.first?.x == 2)
        #expect(new.diff(from: old).first?.cells.map(\.text) == ["東", ""])
    }

    /// The ASCII fast paths agree with the grapheme path: control bytes still take no column,
    /// clipping and ellipsis are the same, and a fill over a wide character repairs it.
    @Test func asciiFastPathsMatchTheGeneralRules() {
        #expect(DisplayWidth.of("Dallas, TX") == 10)
        #expect(DisplayWidth.of("tab\there") == 7)
        #expect(DisplayWidth.of("del\u{7F}") == 3)
        #expect(DisplayWidth.truncate("Oklahoma City", to: 8, ellipsis: false) == "Oklahoma")
        #expect(DisplayWidth.truncate("a\tb", to: 2) == "a\tb", "zero-width bytes stay, as on the general path")
        var buffer = CellBuffer(width: 6, height: 2)
        #expect(buffer.put("ab\tcdefgh", x: -1, y: 0) == 6)
        #expect(buffer.lines()[0] == "bcdefg")
        buffer.put("東", x: 2, y: 1)
        buffer.fill(x: 3, y: 1, width: 9, height: 3, with: "-")
        #expect(buffer.lines()[1] == "   ---", "the wide character's orphaned half is blanked")
    }
}
