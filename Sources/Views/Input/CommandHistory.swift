/// Commands run in this session, recalled with Up and Down on the `:` line.
///
/// Up from the line being typed keeps it as a draft; Down past the newest entry gives
/// the draft back, as shells do.
public struct CommandHistory: Sendable, Hashable {
    public private(set) var entries: [String] = []
    /// Index into `entries` while browsing; nil while typing a new line.
    public private(set) var cursor: Int?
    private var draft = ""
    /// Oldest entries are dropped beyond this.
    public static let limit = 100

    public init() {}

    /// Remembers a command that was run (blank lines and an immediate repeat are not kept).
    public mutating func record(_ line: String) {
        cursor = nil
        draft = ""
        let trimmed = line.trimmingSpaces
        guard !trimmed.isEmpty, entries.last != trimmed else { return }
        entries.append(trimmed)
        if entries.count > CommandHistory.limit { entries.removeFirst(entries.count - CommandHistory.limit) }
    }

    /// The entry before the one shown (Up), or nil when there is none.
    public mutating func older(than current: String) -> String? {
        guard !entries.isEmpty else { return nil }
        guard let cursor else {
            draft = current
            self.cursor = entries.count - 1
            return entries[entries.count - 1]
        }
        guard cursor > 0 else { return nil }
        self.cursor = cursor - 1
        return entries[cursor - 1]
    }

    /// The entry after the one shown (Down); past the newest, the draft typed before browsing.
    public mutating func newer() -> String? {
        guard let cursor else { return nil }
        if cursor + 1 < entries.count {
            self.cursor = cursor + 1
            return entries[cursor + 1]
        }
        self.cursor = nil
        return draft
    }

    /// Stops browsing (the line was edited or closed).
    public mutating func reset() {
        cursor = nil
        draft = ""
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
