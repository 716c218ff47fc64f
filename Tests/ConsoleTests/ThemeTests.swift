import Foundation
import Testing
import Views
@testable import Console
import ArgumentParser
import Domain

@Suite("Theme files")
struct ThemeTests {
    static var themesFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("themes")
    }

    @Test func theEmbeddedThemesAreTheFilesInThemes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ThemeTests.themesFolder.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        #expect(files == ["dark.toml", "high-contrast.toml", "light.toml", "monochrome.toml"])
        let embedded = Dictionary(uniqueKeysWithValues: BuiltinThemes.files.map { ($0.name, $0.text) })
        #expect(embedded.keys.sorted() == files.map { String($0.dropLast(5)) })
        for file in files {
            let text = try String(contentsOf: ThemeTests.themesFolder.appendingPathComponent(file), encoding: .utf8)
            #expect(embedded[String(file.dropLast(5))] == text, "\(file) changed: run scripts/embed-themes.sh")
        }
    }

    @Test func everyBuiltInThemeParsesAndNamesEveryRole() throws {
        let catalog = ThemeCatalog.builtIn
        #expect(catalog.problems.isEmpty)
        #expect(catalog.names == ["dark", "high-contrast", "light", "monochrome"])
        for (name, text) in BuiltinThemes.files {
            let table = text.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
            for role in StyleRole.allCases {
                #expect(table.contains(role.rawValue), "\(name) has no entry for \(role.rawValue)")
            }
        }
        let dark = try #require(catalog.theme(named: "dark"))
        #expect(dark.colors(for: .ok) == Theme.Colors(fg: RGB(hex: "#5fd75f")))
        #expect(dark.colors(for: .statusBar) == Theme.Colors(fg: RGB(255, 255, 255), bg: RGB(hex: "#005f87")))
        #expect(dark.colors(for: .normal) == nil, "{} keeps the terminal's colours")
        let mono = try #require(catalog.theme(named: "MONOCHROME"))
        #expect(StyleRole.allCases.allSatisfy { mono.colors(for: $0) == nil })
        #expect(catalog.theme(named: "light") != dark)
    }

    @Test func aGoodFileParses() throws {
        let theme = try ThemeFile.parse("""
            description = "mine"
            ok = { fg = "#00ff00" }
            statusBar = { fg = "#fff", bg = "#000080" }
            normal = {}
            """, name: "mine", file: "mine.toml")
        #expect(theme.name == "mine")
        #expect(theme.colors(for: .ok)?.fg == RGB(0, 255, 0))
        #expect(theme.colors(for: .statusBar) == Theme.Colors(fg: RGB(255, 255, 255), bg: RGB(0, 0, 128)))
        #expect(theme.colors(for: .warn) == nil, "a role left out has no colour")
    }

    @Test(arguments: [
        ("ok = { fg = \"#zzzzzz\" }", "ok.fg", "not a colour"),
        ("ok = { fg = \"green\" }", "ok.fg", "write #rrggbb"),
        ("ok = { fg = 12 }", "ok.fg", "expected a string"),
        ("ok = { colour = \"#00ff00\" }", "ok.colour", "unknown field"),
        ("okay = { fg = \"#00ff00\" }", "okay", "not a style role"),
        ("ok = \"#00ff00\"", "ok", "expected a table"),
    ])
    func aBadFileNamesTheFileAndTheKey(text: String, key: String, words: String) {
        #expect {
            try ThemeFile.parse(text, name: "bad", file: "/x/themes/bad.toml")
        } throws: { error in
            guard let error = error as? ThemeError else { return false }
            return error.key == key && error.description.contains("/x/themes/bad.toml") && error.description.contains(words)
        }
    }

    @Test func brokenTomlSaysWhere() {
        #expect {
            try ThemeFile.parse("ok = { fg = \n", name: "bad", file: "bad.toml")
        } throws: { error in
            (error as? ThemeError)?.description.contains("bad.toml") == true
                && (error as? ThemeError)?.description.contains("not valid TOML at line") == true
        }
    }

    @Test func userThemesAddAndOverrideAndABadOneFallsBackToDark() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "ok = { fg = \"#123456\" }\n".write(to: folder.appendingPathComponent("ocean.toml"), atomically: true, encoding: .utf8)
        try "ok = { fg = \"#654321\" }\n".write(to: folder.appendingPathComponent("light.toml"), atomically: true, encoding: .utf8)
        try "ok = { fg = \"#12\" }\n".write(to: folder.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        try "not a theme".write(to: folder.appendingPathComponent("README"), atomically: true, encoding: .utf8)

        let catalog = ThemeCatalog.load(userDirectory: folder.path)
        #expect(catalog.names == ["dark", "high-contrast", "light", "monochrome", "ocean"])
        #expect(catalog.theme(named: "ocean")?.colors(for: .ok)?.fg == RGB(0x12, 0x34, 0x56))
        #expect(catalog.theme(named: "light")?.colors(for: .ok)?.fg == RGB(0x65, 0x43, 0x21), "the user's light wins")
        #expect(catalog.problems.count == 1)

        let broken = catalog.select("broken")
        #expect(broken.theme.name == "dark")
        #expect(broken.message?.contains("broken.toml") == true)
        #expect(broken.message?.contains("ok.fg") == true)
        let unknown = catalog.select("nope")
        #expect(unknown.theme.name == "dark")
        #expect(unknown.message == "no theme 'nope'; available: dark, high-contrast, light, monochrome, ocean; using dark")
        #expect(catalog.select(nil).theme.name == "dark")
        #expect(catalog.select(nil).message == nil)
        #expect(ThemeCatalog.load(userDirectory: folder.path + "/missing").names.count == 4)
    }

    @Test func aFlagNamingAnUnknownThemeIsAUsageError() throws {
        let directory = DataDirectory(override: FileManager.default.temporaryDirectory.appendingPathComponent("dd-\(UUID().uuidString)").path)
        let config = ConsoleConfig(server: "http://x", user: "u", role: .dispatcher, driverId: nil, token: "t", theme: "light")
        let unknown = try DisplayOptions.parse(["--theme", "neon"])
        #expect(throws: ConsoleError.self) { try DisplaySettings.resolve(unknown, config: config, directory: directory) }
        let fromConfig = try DisplaySettings.resolve(try DisplayOptions.parse([]), config: config, directory: directory)
        #expect(fromConfig.theme.name == "light")
        #expect(fromConfig.mouse == false)
        var withMouse = config
        withMouse.mouse = true
        #expect(try DisplaySettings.resolve(try DisplayOptions.parse(["--no-mouse"]), config: withMouse, directory: directory).mouse == false)
        let fromFlags = try DisplaySettings.resolve(try DisplayOptions.parse(["--theme", "high-contrast", "--mouse"]),
                                                    config: config, directory: directory)
        #expect(fromFlags.theme.name == "high-contrast")
        #expect(fromFlags.mouse)
    }
}
