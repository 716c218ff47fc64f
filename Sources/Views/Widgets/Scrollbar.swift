/// A vertical position indicator: a track with a thumb where the window sits in the whole.
enum Scrollbar {
    static func draw(x: Int, y: Int, height: Int, total: Int, position: Int, visible: Int,
                     into buffer: inout CellBuffer, glyphs: Glyphs) {
        guard height > 0 else { return }
        for row in 0 ..< height { buffer.put(glyphs.track, x: x, y: y + row, style: .muted) }
        guard total > 0 else { return }
        let thumbSize = max(1, min(height, height * max(1, visible) / max(total, 1)))
        let span = max(1, total - 1)
        let offset = min(height - thumbSize, (height - thumbSize) * min(max(0, position), span) / span)
        for row in offset ..< offset + thumbSize { buffer.put(glyphs.thumb, x: x, y: y + row, style: .role(.accent)) }
    }
}
