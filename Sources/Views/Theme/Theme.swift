/// A colour theme: per style role an optional foreground and background. A role
/// without colours keeps the terminal's own; the attributes (bold, reverse, …) the
/// views set always apply, so a theme can only add colour, never meaning.
public struct Theme: Sendable, Equatable {
    /// The colours of one role; nil keeps the terminal's default.
    public struct Colors: Sendable, Hashable {
        public var fg: RGB?
        public var bg: RGB?
        public init(fg: RGB? = nil, bg: RGB? = nil) {
            self.fg = fg
            self.bg = bg
        }
        public var isEmpty: Bool { fg == nil && bg == nil }
    }

    /// The name it is selected by (`--theme`, `theme = …`, `:theme`): its file name without `.toml`.
    public var name: String
    public var roles: [StyleRole: Colors]

    public init(name: String, roles: [StyleRole: Colors] = [:]) {
        self.name = name
        self.roles = roles
    }

    /// Colours of a role, or nil when the role keeps the terminal's colours.
    public func colors(for role: StyleRole) -> Colors? {
        guard let colors = roles[role], !colors.isEmpty else { return nil }
        return colors
    }

    /// The theme used when none can be loaded: no colour, attributes only.
    public static let plain = Theme(name: "monochrome")
}
