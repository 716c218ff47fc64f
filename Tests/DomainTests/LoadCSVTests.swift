import Testing
import Foundation
import Domain

@Suite("CSV import of loads")
struct LoadCSVTests {
    let now: Int64 = 1_796_320_800 // 2026-12-03 18:00 UTC

    static let header = "shipper,reference,commodity,equipment,weight,rate,rate_kind,stop1_city,stop1_window,stop2_city,stop2_window"

    @Test func spreadsheetQuirksAreRead() throws {
        // A BOM, CRLF, a quoted comma, a doubled quote, a line break inside quotes and a blank line.
        let text = "\u{FEFF}" + LoadCSVTests.header + "\r\n"
            + "\"Acme, Inc.\",PO-1,\"12\"\" pipe\",F,42000,2400,flat,\"Dallas, TX\",12/04 08:00-10:00,\"Memphis, TN\",12/05 08:00\r\n"
            + "\r\n"
            + "Acme,PO-2,\"rolls\nof paper\",V,30000,2.50,mile,75201,12/04 09:00,38103,12/05 09:00\r\n"
            + "Acme,PO-3,paper,V,30000,2.50,mile,75201,12/04 09:00,38103,12/05 09:00\r\n"
        let (rows, problems) = try LoadCSV.read(text, now: now)
        // The quoted line break is read as part of one field, which the rules then refuse.
        #expect(problems.map(\.description) == ["row 4, commodity: must be one line of text, without control characters"])
        #expect(rows.count == 2)
        #expect(rows[0].terms.shipper == "Acme, Inc." && rows[0].terms.commodity == "12\" pipe")
        #expect(rows[1].line == 6, "the blank line and the line inside quotes count")
        #expect(rows[0].loadId == LoadID.forReference(shipper: "Acme, Inc.", reference: "PO-1"))
    }

    @Test func semicolonsAndTabsAreReadToo() throws {
        for delimiter in [";", "\t"] {
            let text = LoadCSVTests.header.replacingOccurrences(of: ",", with: delimiter) + "\n"
                + ["Acme", "PO-1", "steel", "F", "42000", "2400", "flat", "Dallas, TX", "12/04 08:00", "Memphis, TN", "12/05 08:00"]
                .joined(separator: delimiter) + "\n"
            let (rows, problems) = try LoadCSV.read(text, now: now)
            #expect(rows.count == 1 && problems.isEmpty, "\(delimiter): \(problems)")
        }
    }

    @Test func badRowsAreReportedByLineAndColumnAndTheRestRead() throws {
        let text = LoadCSVTests.header + "\n"
            + "Acme,PO-1,steel,F,42000,2400,flat,\"Dallas, TX\",12/04 08:00,\"Memphis, TN\",12/05 08:00\n"
            + "Acme,PO-2,steel,F,-5,2400,flat,\"Dallas, TX\",12/04 08:00,\"Memphis, TN\",12/05 08:00\n"
            + "Acme,PO-3,steel,F,42000,2400,flat,Atlantis,12/04 08:00,\"Memphis, TN\",12/05 08:00\n"
            + "Acme,PO-1,steel,F,42000,2400,flat,\"Dallas, TX\",12/04 08:00,\"Memphis, TN\",12/05 08:00\n"
            + "Acme,PO-4,steel,F,42000,2400,flat,Dallas, TX,12/04 08:00,\"Memphis, TN\",12/05 08:00\n"
        let (rows, problems) = try LoadCSV.read(text, now: now)
        #expect(rows.map(\.terms.reference) == ["PO-1"])
        #expect(problems.map(\.description) == [
            "row 3, weight: must be between 1 and 150,000 lbs",
            "row 4, stop1_city: unknown city 'Atlantis'; type a city as \"Dallas, TX\" or a ZIP code",
            "row 5, reference: PO-1 of Acme is also on row 2",
            "row 6: has 12 fields, the header has 11 (a comma inside a value needs quotes)",
        ])
    }

    @Test func aWrongHeaderRefusesTheFile() {
        #expect(throws: LoadCSV.FileProblem.self) { try LoadCSV.read("", now: now) }
        do {
            _ = try LoadCSV.read("shipper,refrence,commodity\nA,B,C\n", now: now)
            Issue.record("accepted")
        } catch {
            #expect(error.message.hasPrefix("unknown column 'refrence'"))
        }
        do {
            _ = try LoadCSV.read("shipper|reference|commodity\nA|B|C\n", now: now)
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("separated by commas, semicolons or tabs"))
        }
        do {
            _ = try LoadCSV.read("shipper,reference\nA,B\n", now: now)
            Issue.record("accepted")
        } catch {
            #expect(error.message.hasPrefix("missing columns commodity, equipment"))
        }
    }

    @Test func theTemplateImportsAndAnExportImportsAgain() throws {
        let (rows, problems) = try LoadCSV.read(LoadCSV.template, now: now)
        #expect(problems.isEmpty && rows.count == 1)
        let post = Mutation.PostLoad(loadId: rows[0].loadId, terms: rows[0].terms, at: now)
        let store = MemoryStore()
        try Mutator.apply(.postLoad(post), by: Actor(user: "d", role: .dispatcher), in: store, now: now)
        let load = try #require(store.loads[rows[0].loadId])
        let exported = CSV.line(LoadCSV.exportHeader(stops: 6)) + "\r\n" + CSV.line(LoadCSV.exportRow(load, stops: 6)) + "\r\n"
        let again = try LoadCSV.read(exported, now: now)
        #expect(again.problems.isEmpty, "\(again.problems)")
        #expect(again.rows.first?.terms == rows[0].terms.normalizedForComparison(load))
        #expect(again.rows.first?.loadId == rows[0].loadId, "the same load")
    }
}

extension Mutation.LoadTerms {
    /// The terms as a stored load writes them back (cities in the table's spelling).
    func normalizedForComparison(_ load: Load) -> Mutation.LoadTerms {
        var terms = self
        terms.stops = zip(terms.stops, load.stops).map { plan, stop in
            var plan = plan
            plan.city = stop.place
            return plan
        }
        return terms
    }
}
