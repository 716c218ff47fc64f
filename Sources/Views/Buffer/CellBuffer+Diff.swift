extension CellBuffer {
    /// A run of cells on one row that differ from the previous frame.
    public struct Run: Sendable, Equatable {
        public var y: Int
        public var x: Int
        /// Cells from `x` on; continuation cells ("") are kept so columns line up, and the
        /// writer skips them because the wide character before them already covers them.
        public var cells: [Cell]
    }

    /// The runs to write so that a terminal showing `old` shows `self`.
    ///
    /// A different size means everything changed. Runs never start on the right
    /// half of a wide character, and nearby changes are merged so the terminal
    /// moves the cursor less.
    public func diff(from old: CellBuffer?) -> [Run] {
        let full = old == nil || old?.width != width || old?.height != height
        var runs: [Run] = []
        for y in 0 ..< height {
            var x = 0
            while x < width {
                if !full, let old, old[x, y] == self[x, y] { x += 1; continue }
                var start = x
                if self[start, y].isContinuation || (old?[start, y].isContinuation ?? false) { start = max(0, start - 1) }
                // Extend past the last changed cell, tolerating short unchanged gaps.
                var lastChanged = x
                var probe = x + 1
                while probe < width, probe - lastChanged <= 4 {
                    if full || old?[probe, y] != self[probe, y] { lastChanged = probe }
                    probe += 1
                }
                var end = lastChanged + 1
                // Keep a wide character whole at the run's end.
                if end < width, self[end, y].isContinuation { end += 1 }
                if let last = runs.last, last.y == y, last.x + last.cells.count >= start {
                    start = last.x + last.cells.count
                    if start < end { runs[runs.count - 1].cells += (start ..< end).map { self[$0, y] } }
                } else {
                    runs.append(Run(y: y, x: start, cells: (start ..< end).map { self[$0, y] }))
                }
                x = max(end, x + 1)
            }
        }
        return runs
    }
}
