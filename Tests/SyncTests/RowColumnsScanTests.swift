import Foundation
import Testing
import Domain
@testable import Sync

/// The scanner reads load and event columns exactly as `JSONDecoder` does, or declines.
@Suite("Row columns read straight from a page")
struct RowColumnsScanTests {
    static func bytes(_ json: String) -> (bytes: [UInt8], range: Range<Int>) {
        let bytes = Array(json.utf8)
        return (bytes, 0 ..< bytes.count)
    }

    static func decoded(_ json: String) -> LoadColumns? {
        try? JSONDecoder.wire.decode(LoadColumns.self, from: Data(json.utf8))
    }

    static func scanned(_ json: String) -> LoadColumns? {
        let (bytes, range) = bytes(json)
        return LoadColumns.scan(bytes, range)
    }

    @Test func everyFixtureLoadScansAsJSONDecoderDecodesIt() async throws {
        let fixture = try await BoardFixture(count: 60)
        defer { fixture.remove() }
        var loads = fixture.loads
        loads[1].shipper = "Café Müller — 北京 🚚"
        loads[2].driverId = nil
        loads[3].stops[0].lat = 1e-7
        loads[4].notes = [LoadNote(id: "n1", text: "nested {\"json\"} [1,2]", by: "a", at: 1)]
        for load in loads {
            let json = String(decoding: try JSONEncoder.wire.encode(load), as: UTF8.self)
            let expected = try #require(RowColumnsScanTests.decoded(json))
            #expect(RowColumnsScanTests.scanned(json) == expected, "\(load.id)")
        }
    }

    @Test func whatTheScannerCannotReadExactlyItDeclines() throws {
        let good = #"{"id":"L-1","reference":"R","status":"posted","equipment":"V","fullLoad":true,"weightLbs":40000,"lengthFt":53,"miles":500,"rateCents":150000,"postedAt":1,"stops":[{"kind":"pickup","city":"Dallas","state":"TX","windowStart":2,"lat":32.5,"lon":-96.75}],"shipper":"S","commodity":"C"}"#
        #expect(RowColumnsScanTests.scanned(good) == RowColumnsScanTests.decoded(good))
        #expect(RowColumnsScanTests.scanned(good)?.driverId == nil, "an absent optional is nil")
        let variants = [
            good.replacingOccurrences(of: #""shipper":"S""#, with: #""shipper":"S\"q""#),   // an escape
            good.replacingOccurrences(of: "40000", with: "40000.0"),                          // a fraction for an Int
            good.replacingOccurrences(of: "40000", with: "040000"),                           // a leading zero
            good.replacingOccurrences(of: #""miles":500"#, with: #""miles":500,"miles":501"#), // a repeated key
            good.replacingOccurrences(of: "posted", with: "parked"),                          // an unknown status
            good.replacingOccurrences(of: #""commodity":"C""#, with: #""commodity":null"#),    // null where required
            good.replacingOccurrences(of: "-96.75", with: "-96.75x"),                        // not a number
            good + "]",                                                                       // trailing bytes
        ]
        for json in variants {
            #expect(RowColumnsScanTests.scanned(json) == nil, "\(json)")
        }
        let accepted = [
            good.replacingOccurrences(of: #""id":"L-1","#, with: #""id":"L-1","driverId":null,"carrierId":"C-2","extra":{"a":[1,{"b":null}],"c":"\"x\""},"#),
            good.replacingOccurrences(of: "32.5", with: "3.25E+1").replacingOccurrences(of: "-96.75", with: "-9675e-2"),
            good.replacingOccurrences(of: ",", with: " ,\n "),
        ]
        for json in accepted {
            let expected = try #require(RowColumnsScanTests.decoded(json), "\(json)")
            #expect(RowColumnsScanTests.scanned(json) == expected, "\(json)")
        }
    }

    @Test func aPageWithARowTheScannerDeclinesIsDecodedWholeByJSONDecoder() throws {
        var loads = (0 ..< 3).map { n in
            Load(id: "L-\(n)", reference: "R\(n)", shipper: "S", stops: [], equipment: "V", fullLoad: true, weightLbs: 1,
                 lengthFt: 1, commodity: "c", hazmat: false, miles: 1, rateCents: 1, rateKind: .flat, postedAt: 1, status: .posted)
        }
        loads[1].shipper = "needs \"escaping\""
        let response = PullResponse(cursor: "c", hasMore: false, reset: false, lastMutationId: 0, serverTime: 0, loads: loads,
                                    events: [StatusEvent(id: "e1", loadId: "L-0", code: .arrivedPickup, at: 5, recordedBy: "d-1")])
        let batch = try PullBatch(data: try JSONEncoder.wire.encode(response))
        #expect(batch.loads.map(\.0) == loads.map(LoadColumns.init))
        #expect(batch.loads[1].0.shipper == "needs \"escaping\"")
        #expect(batch.events.map(\.0) == [EventColumns(id: "e1", loadId: "L-0", at: 5)])
    }
}
