import Foundation
import Views

/// The themes a console can use: the built-in ones (embedded in the binary, so they work
/// from any working directory) plus `*.toml` files in the user's theme folder, which add
/// themes or replace a built-in one of the same name.
struct ThemeCatalog: Sendable {
    private(set) var themes: [String: Theme] = [:]
    /// Files that could not be used; each is skipped, the others still load.
    private(set) var problems: [ThemeError] = []

    static let defaultName = "dark"

    /// The built-in themes, parsed once.
    static let builtIn: ThemeCatalog = {
        var catalog = ThemeCatalog()
        for (name, text) in BuiltinThemes.files {
            do throws(ThemeError) {
                catalog.themes[name] = try ThemeFile.parse(text, name: name, file: "built-in themes/\(name).toml")
            } catch {
                catalog.problems.append(error)
            }
        }
        return catalog
    }()

    /// `<config dir>/themes`: next to config.toml.
    static func userDirectory(for directory: DataDirectory) -> String {
        URL(fileURLWithPath: directory.configFile).deletingLastPathComponent().appendingPathComponent("themes").path
    }

    /// Built-ins plus the user's folder (a missing folder is fine).
    static func load(userDirectory: String?) -> ThemeCatalog {
        var catalog = builtIn
        guard let userDirectory,
              let files = try? FileManager.default.contentsOfDirectory(atPath: userDirectory) else { return catalog }
        for file in files.sorted() where file.hasSuffix(".toml") {
            do throws(ThemeError) {
                let theme = try ThemeFile.load(path: userDirectory + "/" + file)
                catalog.themes[theme.name] = theme
            } catch {
                catalog.problems.append(error)
            }
        }
        return catalog
    }

    /// Theme names, sorted.
    var names: [String] { themes.keys.sorted() }

    /// A theme by name (case-insensitive).
    func theme(named name: String) -> Theme? {
        themes[name] ?? themes.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    /// Dark, or no colour at all if even dark is missing.
    var fallback: Theme { themes[ThemeCatalog.defaultName] ?? .plain }

    /// Why the file of theme `name` was skipped, if it was.
    func problem(for name: String) -> ThemeError? {
        problems.first { URL(fileURLWithPath: $0.file).deletingPathExtension().lastPathComponent.lowercased() == name.lowercased() }
    }

    /// "no theme 'x'; available: dark, light, …"
    func unknown(_ name: String) -> String {
        "no theme '\(name)'; available: \(names.joined(separator: ", "))"
    }

    /// The theme to start with: the name asked for, else dark, with a message when it had to fall back.
    func select(_ name: String?) -> (theme: Theme, message: String?) {
        guard let name else { return (fallback, nil) }
        if let theme = theme(named: name) { return (theme, nil) }
        if let problem = problem(for: name) { return (fallback, "\(problem); using \(fallback.name)") }
        return (fallback, unknown(name) + "; using \(fallback.name)")
    }
}
