/// The server's reading of an opaque pull cursor: which database and how far.
///
/// A cursor from another database (a reseeded demo, another server) is unknown
/// and answered with a reset, never with a silent gap.
struct FeedCursor: Hashable {
    var databaseId: String
    var sequence: Int64

    init(databaseId: String, sequence: Int64) {
        self.databaseId = databaseId
        self.sequence = sequence
    }

    init?(_ text: String) {
        let parts = text.split(separator: ".")
        guard parts.count == 3, parts[0] == "c1", let seq = Int64(parts[2]), seq >= 0 else { return nil }
        databaseId = String(parts[1])
        sequence = seq
    }

    var text: String { "c1.\(databaseId).\(sequence)" }
}
