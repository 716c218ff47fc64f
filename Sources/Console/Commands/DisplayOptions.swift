import ArgumentParser
import Views

/// How the console looks and listens: `--theme NAME`, `--mouse` / `--no-mouse`.
struct DisplayOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Colour theme: dark, light, high-contrast, monochrome or a file in <config dir>/themes (default: theme in config.toml, else dark).",
                               valueName: "name"))
    var theme: String?

    @Flag(inversion: .prefixedNo,
          help: "Click tabs and rows, scroll with the wheel (default: mouse in config.toml, else off; terminal text selection then needs Shift).")
    var mouse: Bool?

    @Flag(name: .customLong("all"), help: "Open the board on every load, history included (default: open work, F shows all).")
    var allLoads = false
}

/// The display choices settled from the flags, config.toml and the theme folders.
struct DisplaySettings: Sendable {
    var themes: ThemeCatalog
    var theme: Theme
    var mouse: Bool
    /// The board opens on every load instead of open work.
    var allLoads = false
    /// Shown in the message line at start: a theme that fell back to dark, a skipped theme file.
    var message: String?

    /// The built-in defaults: dark, no mouse.
    static let standard = DisplaySettings(themes: .builtIn, theme: ThemeCatalog.builtIn.fallback, mouse: false)

    /// Flags win over config.toml. An unknown `--theme` is an error (nothing is running yet); an
    /// unknown or broken theme from the config falls back to dark with a message in the console.
    static func resolve(_ options: DisplayOptions, config: ConsoleConfig, directory: DataDirectory) throws -> DisplaySettings {
        let themes = ThemeCatalog.load(userDirectory: ThemeCatalog.userDirectory(for: directory))
        if let name = options.theme, themes.theme(named: name) == nil, themes.problem(for: name) == nil {
            throw ConsoleError.usage("--theme: \(themes.unknown(name))")
        }
        let (theme, fallbackMessage) = themes.select(options.theme ?? config.theme)
        let message = fallbackMessage ?? themes.problems.first.map { "skipped \($0)" }
        return DisplaySettings(themes: themes, theme: theme, mouse: options.mouse ?? config.mouse ?? false,
                               allLoads: options.allLoads, message: message)
    }
}
