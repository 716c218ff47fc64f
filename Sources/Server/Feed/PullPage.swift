import Foundation
import Domain

/// One page of the change feed, with rows kept as the JSON the store holds.
///
/// Rows are spliced into the response without decoding, which keeps a
/// 100,000-load snapshot cheap for the server.
public struct PullPage: Sendable {
    public var cursor: String
    public var hasMore: Bool
    public var reset: Bool
    public var resetReason: ResetReason?
    public var lastMutationId: Int64
    public var remaining: Int?
    /// JSON bodies per wire collection name (`loads`, `drivers`, …).
    public var rows: [(collection: String, bodies: [String])]
    public var deleted: [Tombstone]
    /// The highest sequence number this page covers (the cursor's position).
    public var sequence: Int64

    public var isEmpty: Bool { rows.allSatisfy { $0.bodies.isEmpty } && deleted.isEmpty }

    /// The wire JSON of `PullResponse`, built directly.
    public func json(serverTime: Int64) -> Data {
        var out = "{\"cursor\":\(quote(cursor))"
        if hasMore { out += ",\"hasMore\":true" }
        if reset { out += ",\"reset\":true" }
        if let resetReason { out += ",\"resetReason\":\"\(resetReason.rawValue)\"" }
        out += ",\"lastMutationId\":\(lastMutationId),\"serverTime\":\(serverTime)"
        if let remaining { out += ",\"remaining\":\(remaining)" }
        for (collection, bodies) in rows where !bodies.isEmpty {
            out += ",\"\(collection)\":["
            out += bodies.joined(separator: ",")
            out += "]"
        }
        if !deleted.isEmpty, let data = try? JSONEncoder.wire.encode(deleted) {
            out += ",\"deleted\":" + String(decoding: data, as: UTF8.self)
        }
        out += "}"
        return Data(out.utf8)
    }

    private func quote(_ s: String) -> String {
        let data = (try? JSONEncoder.wire.encode(s)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
