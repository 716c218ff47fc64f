import Foundation
import Testing
import Domain

@Suite("Wire format")
struct WireTests {
    @Test func mutationEnvelopesRoundTrip() throws {
        let envelope = MutationEnvelope(id: 7, mutation: .assignLoad(.init(loadId: "L-1", driverId: "D-2")), createdAt: 5)
        let json = try JSONEncoder.wire.encode(envelope)
        #expect(String(decoding: json, as: UTF8.self)
                == #"{"args":{"driverId":"D-2","loadId":"L-1"},"createdAt":5,"id":7,"name":"assignLoad"}"#)
        #expect(try JSONDecoder.wire.decode(MutationEnvelope.self, from: json) == envelope)
    }

    @Test func unknownNamesAndWrongTypesAreRefused() {
        let unknown = Data(#"{"id":1,"name":"dropTables","args":{}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder.wire.decode(MutationEnvelope.self, from: unknown) }
        let wrongType = Data(#"{"id":1,"name":"assignLoad","args":{"loadId":5,"driverId":"D-1"}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder.wire.decode(MutationEnvelope.self, from: wrongType) }
        let badCode = Data(#"{"id":1,"name":"recordStatus","args":{"eventId":"e","loadId":"L-1","code":"ZZ","at":1}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder.wire.decode(MutationEnvelope.self, from: badCode) }
    }

    @Test func aNoOpPullIsTiny() throws {
        let response = PullResponse(cursor: "c1.abcd1234.1000", hasMore: false, reset: false, lastMutationId: 3,
                                    serverTime: 1_795_000_000)
        let json = try JSONEncoder.wire.encode(response)
        #expect(json.count < 120)
        let decoded = try JSONDecoder.wire.decode(PullResponse.self, from: json)
        #expect(decoded.loads.isEmpty && decoded.cursor == response.cursor && decoded.lastMutationId == 3)
    }

    @Test func moneyAndStatusInputParse() {
        #expect(Money.parseCents("2.5") == 250)
        #expect(Money.parseCents("$2.45") == 245)
        #expect(Money.parseCents("abc") == nil)
        #expect(Money.parseCents("2.456") == nil)
        #expect(Money.dollars(123_456) == "$1,234.56")
        #expect([372_206_300, 40_550_000, 99_949_999, 1_000_000_000, 250_000_000_000, 95_000, -123_456_700].map(Money.compact)
                == ["$3.7M", "$406K", "$999K", "$10M", "$2.5B", "$950", "-$1.2M"])
        #expect(LoadStatus(userInput: "X3") == .arrivedPickup)
        #expect(LoadStatus(userInput: "posted") == .posted)
        #expect(LoadStatus(userInput: "nonsense") == nil)
        #expect(Format.count(100_000) == "100,000")
        #expect(Format.dateTime(0) == "Jan 01 00:00")
    }

    @Test func carrierVerdictsExplainThemselves() {
        let now: Int64 = 1_795_000_000
        var carrier = Carrier(id: "C-1", name: "A", dotNumber: "1", mcNumber: "2", allowedToOperate: true, statusCode: "A",
                              oosDate: nil, safetyRating: "Satisfactory", bipdOnFile: 1_000, bipdRequired: 750,
                              cargoOnFile: 100, cargoRequired: 100, insuranceExpiresAt: now + 10 * 86_400,
                              authorityGrantedAt: now - 1_000 * 86_400, powerUnits: 2, verdict: .ok, verdictReason: "",
                              checkedAt: now)
        #expect(carrier.assess(now: now).verdict == .warn)
        #expect(carrier.assess(now: now).reason == "insurance expires in 10 days")
        carrier.insuranceExpiresAt = now - 1
        #expect(carrier.assess(now: now).verdict == .doNotUse)
        carrier.insuranceExpiresAt = now + 100 * 86_400
        carrier.allowedToOperate = false
        #expect(carrier.assess(now: now).reason.contains("out of service"))
    }
}
