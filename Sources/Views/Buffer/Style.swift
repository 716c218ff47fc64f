/// What a cell means, not what colour it is: the Terminal maps roles to colour pairs
/// (or to nothing under `NO_COLOR`), so every role must also read correctly without colour.
/// The raw value is the role's key in a theme file (`themes/*.toml`).
public enum StyleRole: String, Sendable, Hashable, CaseIterable {
    case normal, title, header, selected, pending, ok, warn, danger, muted, accent, border
    case statusBar, statusOnline, statusOffline, mapDriver, mapPickup, mapDelivery, input, error
}

/// A cell's look: a semantic role plus the attributes that survive a monochrome terminal.
public struct Style: Sendable, Hashable {
    public var role: StyleRole
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(role: StyleRole = .normal, bold: Bool = false, underline: Bool = false,
                reverse: Bool = false, dim: Bool = false) {
        self.role = role
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// Plain text.
    public static let plain = Style()

    /// A role with no extra attributes.
    public static func role(_ role: StyleRole) -> Style { Style(role: role) }

    /// Selection is shown in reverse video so it survives `NO_COLOR`.
    public static let selected = Style(role: .selected, reverse: true)
    public static let header = Style(role: .header, bold: true)
    public static let title = Style(role: .title, bold: true)
    public static let muted = Style(role: .muted, dim: true)
    public static let border = Style(role: .border)
    public static let error = Style(role: .error, bold: true)

    /// The same style in bold.
    public var bolded: Style { var s = self; s.bold = true; return s }
    /// The same style in reverse video.
    public var reversed: Style { var s = self; s.reverse = true; return s }
    /// The same style underlined.
    public var underlined: Style { var s = self; s.underline = true; return s }
    /// The same style dimmed.
    public var dimmed: Style { var s = self; s.dim = true; return s }
    /// The same attributes with another role.
    public func with(role: StyleRole) -> Style { var s = self; s.role = role; return s }
}

/// One terminal column.
public struct Cell: Sendable, Hashable {
    /// One grapheme; "" for the right half of a wide character.
    public var text: String
    public var style: Style

    public init(text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    /// True for the column a wide character to the left already covers.
    public var isContinuation: Bool { text.isEmpty }
}
