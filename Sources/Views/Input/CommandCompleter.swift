/// Tab completion for the `:` command line, without any knowledge of what the commands do:
/// the caller says which words fit where.
public enum CommandCompleter {
    /// The line after Tab, and the candidates to show when more than one still fits.
    public struct Completion: Sendable, Hashable {
        public var line: String
        public var candidates: [String]
        public init(line: String, candidates: [String]) {
            self.line = line
            self.candidates = candidates
        }
    }

    /// Completes the word under the cursor (the last one; a trailing space starts a new one).
    ///
    /// - Parameters:
    ///   - commands: words allowed first.
    ///   - arguments: for a command (lower-cased) and a word position (1 = first argument),
    ///     the words allowed there; empty when nothing sensible can be offered.
    /// - Returns: one match completes the word and adds a space; several extend it to their
    ///   longest common prefix and are listed; none leaves the line alone.
    public static func complete(_ line: String, commands: [String],
                                arguments: (String, Int) -> [String]) -> Completion {
        var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let startsNewWord = line.isEmpty || line.last == " "
        let current = startsNewWord ? "" : (words.popLast() ?? "")
        let position = words.count
        let pool = position == 0 ? commands : arguments(words[0].lowercased(), position)
        var seen = Set<String>()
        let matches = pool.filter { $0.lowercased().hasPrefix(current.lowercased()) && seen.insert($0.lowercased()).inserted }
        let head = words.isEmpty ? "" : words.joined(separator: " ") + " "
        switch matches.count {
        case 0:
            return Completion(line: line, candidates: [])
        case 1:
            return Completion(line: head + matches[0] + " ", candidates: [])
        default:
            let common = commonPrefix(matches)
            let word = common.count > current.count ? common : current
            return Completion(line: head + word, candidates: matches)
        }
    }

    /// The longest prefix all words share, compared case-insensitively (spelled as the first word).
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let other = Array(word)
            var count = 0
            while count < prefix.count, count < other.count,
                  prefix[count].lowercased() == other[count].lowercased() { count += 1 }
            prefix = Array(prefix.prefix(count))
        }
        return String(prefix)
    }
}
