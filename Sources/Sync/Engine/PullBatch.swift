import Foundation
import Client
import Domain

/// A pull page ready for the mirror: every row beside its JSON text.
public struct PullBatch: Sendable {
    public struct Header: Codable, Sendable {
        public var cursor: String
        public var hasMore: Bool?
        public var reset: Bool?
        public var resetReason: ResetReason?
        public var lastMutationId: Int64?
        public var serverTime: Int64?
        public var remaining: Int?
    }

    public var header: Header
    public var loads: [(LoadColumns, String)] = []
    public var drivers: [(Driver, String)] = []
    public var carriers: [(Carrier, String)] = []
    public var events: [(EventColumns, String)] = []
    public var invoices: [(Invoice, String)] = []
    public var payouts: [(Payout, String)] = []
    public var deleted: [Tombstone] = []

    public var cursor: String { header.cursor }
    public var hasMore: Bool { header.hasMore ?? false }
    public var reset: Bool { header.reset ?? false }
    public var lastMutationId: Int64 { header.lastMutationId ?? 0 }
    public var rowCount: Int {
        loads.count + drivers.count + carriers.count + events.count + invoices.count + payouts.count + deleted.count
    }

    /// From a decoded response (tests, and any caller without the raw bytes): rows are encoded once here.
    public init(_ page: PullResponse) throws {
        header = Header(cursor: page.cursor, hasMore: page.hasMore, reset: page.reset, resetReason: page.resetReason,
                        lastMutationId: page.lastMutationId, serverTime: page.serverTime, remaining: page.remaining)
        let encoder = JSONEncoder.wire
        func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        loads = try page.loads.map { (LoadColumns($0), try json($0)) }
        drivers = try page.drivers.map { ($0, try json($0)) }
        carriers = try page.carriers.map { ($0, try json($0)) }
        events = try page.events.map { (EventColumns($0), try json($0)) }
        invoices = try page.invoices.map { ($0, try json($0)) }
        payouts = try page.payouts.map { ($0, try json($0)) }
        deleted = page.deleted
    }

    /// From the response bytes: each collection is decoded in one call and each row keeps its own JSON text.
    public init(data: Data) throws(ClientError) {
        do {
            let spans = JSONSpans(data)
            let members = try spans.members()
            let decoder = JSONDecoder.wire
            var headerJSON = "{"
            var collections: [String: Range<Int>] = [:]
            for (key, range) in members {
                switch key {
                case "loads", "drivers", "carriers", "events", "invoices", "payouts", "deleted": collections[key] = range
                default:
                    if headerJSON.count > 1 { headerJSON += "," }
                    headerJSON += "\"\(key)\":" + spans.text(range)
                }
            }
            header = try decoder.decode(Header.self, from: Data((headerJSON + "}").utf8))
            func rows<T: Decodable>(_ key: String, _ type: T.Type,
                                    scan: (([UInt8], Range<Int>) -> T?)? = nil) throws -> [(T, String)] {
                guard let range = collections[key] else { return [] }
                let elements = try spans.elements(of: range)
                if let scan, let scanned = PullBatch.scanAll(elements, spans, scan) { return scanned }
                let values = try decoder.decode([T].self, from: spans.data(range))
                guard values.count == elements.count else { throw JSONSpans.Malformed() }
                return Array(zip(values, elements.map(spans.text)))
            }
            loads = try rows("loads", LoadColumns.self, scan: LoadColumns.scan)
            drivers = try rows("drivers", Driver.self)
            carriers = try rows("carriers", Carrier.self)
            events = try rows("events", EventColumns.self, scan: EventColumns.scan)
            invoices = try rows("invoices", Invoice.self)
            payouts = try rows("payouts", Payout.self)
            if let range = collections["deleted"] { deleted = try decoder.decode([Tombstone].self, from: spans.data(range)) }
        } catch {
            throw .badResponse("pull: \(error)")
        }
    }

    /// Every element read by `scan`, or nil as soon as one is not (the caller then decodes them all
    /// with `JSONDecoder`).
    static func scanAll<T>(_ elements: [Range<Int>], _ spans: JSONSpans,
                           _ scan: ([UInt8], Range<Int>) -> T?) -> [(T, String)]? {
        var result: [(T, String)] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            guard let value = scan(spans.bytes, element) else { return nil }
            result.append((value, spans.text(element)))
        }
        return result
    }
}
