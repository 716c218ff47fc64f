/// Line and symbol characters, with an ASCII set for non-UTF-8 locales where box
/// drawing characters come out as garbage.
struct Glyphs: Sendable {
    var horizontal = "─", vertical = "│"
    var topLeft = "┌", topRight = "┐", bottomLeft = "└", bottomRight = "┘"
    var online = "●", offline = "○"
    var ascending = "▲", descending = "▼"
    var barFull = "█", barEmpty = "░"
    var ellipsis = "…"
    var arrow = "→"
    var thumb = "█", track = "│"
    var pending = "*"
    var cursor = "▏"
    var separator = "│"
    /// Map borders: coast and national borders heavier than state lines, so the two
    /// differ without colour.
    var mapOutline = "•", mapState = "·"

    static let unicode = Glyphs()

    static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        online: "*", offline: "o", ascending: "^", descending: "v", barFull: "#", barEmpty: ".",
        ellipsis: "~", arrow: ">", thumb: "#", track: "|", pending: "*", cursor: "_", separator: "|",
        mapOutline: ":", mapState: "."
    )

    static func `for`(asciiOnly: Bool) -> Glyphs { asciiOnly ? .ascii : .unicode }
}
