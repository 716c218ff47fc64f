import Testing
@testable import Views

@Suite("Theme colours mapped down to the terminal's palette")
struct ColorMapperTests {
    @Test func hexParsesLongAndShortFormsAndRefusesTheRest() {
        #expect(RGB(hex: "#5fd75f") == RGB(0x5f, 0xd7, 0x5f))
        #expect(RGB(hex: "#FFF") == RGB(255, 255, 255))
        #expect(RGB(hex: " #005F87 ") == RGB(0, 0x5f, 0x87))
        #expect(RGB(hex: "5fd75f") == nil, "the # is required")
        #expect(RGB(hex: "#5fd75") == nil)
        #expect(RGB(hex: "#gggggg") == nil)
        #expect(RGB(hex: "") == nil)
        #expect(RGB(0x5f, 0xd7, 0x5f).description == "#5fd75f")
    }

    @Test func exactCubeColoursMapToTheirXtermNumbers() {
        let mapper = ColorMapper(colors: 256)
        #expect(mapper.index(for: RGB(hex: "#5fd75f")!) == 77)   // 16 + 36·1 + 6·3 + 1
        #expect(mapper.index(for: RGB(hex: "#005f87")!) == 24)   // 16 + 0 + 6·1 + 2
        #expect(mapper.index(for: RGB(hex: "#ff0000")!) == 196)
        #expect(mapper.index(for: RGB(hex: "#ffffff")!) == 231)
        #expect(mapper.index(for: RGB(hex: "#000000")!) == 16)
    }

    @Test func greysUseTheGreyRampAndInBetweenColoursTheNearestCubeLevel() {
        let mapper = ColorMapper(colors: 256)
        #expect(mapper.index(for: RGB(hex: "#8a8a8a")!) == 245)  // 8 + 10·13 = 138
        #expect(mapper.index(for: RGB(hex: "#080808")!) == 232)
        #expect(mapper.index(for: RGB(hex: "#eeeeee")!) == 255)
        #expect(mapper.index(for: RGB(hex: "#d0d0d0")!) == 252)
        // 100 → level 95 (1), 200 → 215 (4), 30 → 0 (0).
        #expect(mapper.index(for: RGB(100, 200, 30)) == 16 + 36 + 24)
        #expect(ColorMapper.nearestLevel(114) == 0 + 1)
        #expect(ColorMapper.nearestLevel(116) == 2)
    }

    @Test func sixteenAndEightColoursPickTheNearestAnsiColour() {
        let sixteen = ColorMapper(colors: 16), eight = ColorMapper(colors: 8)
        #expect(sixteen.index(for: RGB(hex: "#5fd75f")!) == 2, "green")
        #expect(sixteen.index(for: RGB(hex: "#ffffff")!) == 15, "bright white")
        #expect(sixteen.index(for: RGB(hex: "#ff5f5f")!) == 9, "bright red")
        #expect(sixteen.index(for: RGB(hex: "#0000d7")!) == 4, "blue")
        #expect(sixteen.index(for: RGB(hex: "#8a8a8a")!) == 8, "a grey stays grey")
        #expect(sixteen.index(for: RGB(hex: "#d0d0d0")!) == 7)
        #expect(sixteen.index(for: RGB(hex: "#d75fd7")!) == 5, "magenta")
        #expect(eight.index(for: RGB(hex: "#ffffff")!) == 7, "white: no bright colours on 8")
        #expect(eight.index(for: RGB(hex: "#ff5f5f")!) == 1, "red")
        #expect(eight.index(for: RGB(hex: "#ffd75f")!) == 3, "yellow")
        #expect(eight.index(for: RGB(hex: "#000000")!) == 0)
    }

    @Test func noColourTerminalsGetNoColour() {
        #expect(ColorMapper(colors: 0).index(for: RGB(255, 0, 0)) == nil)
        #expect(ColorMapper(colors: 2).index(for: RGB(255, 0, 0)) == nil)
    }

    @Test func everyMappedIndexIsInTheTerminalsRange() {
        for depth in [8, 16, 256] {
            let mapper = ColorMapper(colors: depth)
            for r in stride(from: 0, through: 255, by: 51) {
                for g in stride(from: 0, through: 255, by: 51) {
                    for b in stride(from: 0, through: 255, by: 51) {
                        let index = mapper.index(for: RGB(r, g, b))
                        #expect(index.map { (0 ..< depth).contains($0) } == true)
                    }
                }
            }
        }
    }
}
