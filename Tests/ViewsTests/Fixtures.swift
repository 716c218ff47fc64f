import Domain
@testable import Views

/// Sample data shared by the view tests: fixed times so rendered text is stable.
enum Fixtures {
    /// 2025-11-25 08:00 UTC.
    static let pickup: Int64 = 1_764_057_600
    static let now: Int64 = pickup + 3600

    static func load(_ i: Int, pending: Bool = false, origin: (String, String) = ("Dallas", "TX"),
                     dest: (String, String) = ("Houston", "TX")) -> LoadSummary {
        LoadSummary(id: "L\(1000 + i)", reference: "REF\(i)", status: i % 2 == 0 ? .posted : .assigned,
                    originCity: origin.0, originState: origin.1, destCity: dest.0, destState: dest.1,
                    pickupAt: pickup + Int64(i) * 3600, equipment: "V", fullLoad: true, weightLbs: 42_000,
                    lengthFt: 53, miles: 240 + i, rateCents: 123_400, ratePerMileCents: 245,
                    postedAt: now - 7200, driverId: i % 2 == 0 ? nil : "D\(i)", pending: pending)
    }

    static func state(width: Int = 80, height: Int = 24, role: Role = .dispatcher) -> ScreenState {
        var s = ScreenState(width: width, height: height, now: now,
                            session: SessionInfo(user: "ann", role: role, driverId: role == .driver ? "D7" : nil,
                                                 server: "localhost"))
        s.sync.online = true
        s.sync.pending = 2
        s.sync.lastSyncAt = now - 3
        return s
    }

    static func boardState(width: Int = 80, height: Int = 24, rows: Int = 50) -> ScreenState {
        var s = state(width: width, height: height)
        s.board.rows = (0 ..< rows).map { load($0, pending: $0 == 3) }
        s.board.totalCount = 100_000
        s.board.selectedPosition = 0
        s.board.averageRatePerMileCents = 245
        return s
    }

    static func carrier(_ id: String, verdict: Verdict, reason: String) -> Carrier {
        Carrier(id: id, name: "Carrier \(id)", dotNumber: "1234567", mcNumber: "MC765", allowedToOperate: true,
                statusCode: "A", oosDate: nil, safetyRating: "Satisfactory", bipdOnFile: 1000, bipdRequired: 750,
                cargoOnFile: 100, cargoRequired: 100, insuranceExpiresAt: pickup + 90 * 86_400,
                authorityGrantedAt: pickup - 900 * 86_400, powerUnits: 12, verdict: verdict, verdictReason: reason,
                checkedAt: now - 120)
    }

    static func driver(_ id: String, name: String, equipment: String = "V", driveMinutes: Int = 450) -> Driver {
        Driver(id: id, name: name, carrierId: "C1", equipment: equipment, homeCity: "Dallas", homeState: "TX",
               lat: 32.8, lon: -96.8, positionAt: now, hos: HOSClocks(driveMinutes: driveMinutes, shiftMinutes: 600,
                                                                     cycleMinutes: 3000, breakMinutes: 300, asOf: now),
               available: true, phone: "555-0100")
    }

    static func driverLoad(status: LoadStatus) -> Load {
        Load(id: "L77", reference: "BOL77", shipper: "Acme", stops: [
            Stop(kind: .pickup, city: "Dallas", state: "TX", zip: "75201", lat: 32.8, lon: -96.8,
                 windowStart: pickup, windowEnd: pickup + 4 * 3600, arrivedAt: pickup + 600, departedAt: nil),
            Stop(kind: .delivery, city: "Houston", state: "TX", zip: "77001", lat: 29.8, lon: -95.4,
                 windowStart: pickup + 86_400, windowEnd: pickup + 86_400 + 7200),
        ], equipment: "V", fullLoad: true, weightLbs: 40_000, lengthFt: 53, commodity: "paper", hazmat: false,
             miles: 240, rateCents: 90_000, rateKind: .flat, postedAt: pickup - 86_400, driverId: "D7", status: status)
    }
}

extension CellBuffer {
    /// Rows with trailing spaces trimmed, for readable assertions.
    var trimmedLines: [String] {
        lines().map { line in
            var s = line
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    /// The whole frame as one string, for "contains" checks.
    var text: String { trimmedLines.joined(separator: "\n") }
}

extension Fixtures {
    /// Payments as the console has them after a fetch: the totals over `payouts` and
    /// `invoices` (as SQL counts them), and the first page of each window (the status filter
    /// applied, as the mirror applies it).
    static func fill(_ payments: inout PaymentsState, invoices: [Invoice], payouts: [Payout]) {
        payments.payoutTotals = [:]
        for payout in payouts {
            payments.payoutTotals[payout.status, default: PaymentTotal()].count += 1
            payments.payoutTotals[payout.status, default: PaymentTotal()].cents += payout.amountCents
        }
        payments.openInvoices = PaymentTotal()
        for invoice in invoices where invoice.status != .paid {
            payments.openInvoices.count += 1
            payments.openInvoices.cents += invoice.amountCents
        }
        payments.invoiceCount = invoices.count
        let shown = payments.statusFilter.map { status in payouts.filter { $0.status == status } } ?? payouts
        payments.payouts.receive(shown, for: payments.payouts.reload(), visible: 10)
        payments.invoices.receive(invoices, for: payments.invoices.reload(), visible: 10)
    }
}
