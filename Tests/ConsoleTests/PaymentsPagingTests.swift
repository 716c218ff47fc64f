import Foundation
import Testing
import Domain
import Sync
import Views
@testable import Console

/// The payments pane over 100,000 payouts and invoices in a real mirror: it pages through
/// every row by keyset, never holding more than its window, and counts them all in SQL.
@Suite("Payments pane pages 100K payouts and invoices")
struct PaymentsPagingTests {
    static let rows = 100_000
    static let now: Int64 = 1_764_057_600

    /// Payout n is due at `now + n / 3` (three per second, so the id breaks ties): newest due
    /// first puts P-099999 on top and P-000000 at the bottom.
    static func payout(_ n: Int) -> Payout {
        Payout(id: String(format: "P-%06d", n), loadId: "L-\(n)", carrierId: "C-1", amountCents: 1_000,
               method: .standard, feeCents: 0, status: n % 5 == 0 ? .held : .pending, dueAt: now + Int64(n / 3))
    }

    static func invoice(_ n: Int) -> Invoice {
        Invoice(id: String(format: "I-%06d", n), loadId: "L-\(n)", shipper: "Acme", amountCents: 2_000,
                issuedAt: now - 86_400 * 100 + Int64(n / 2), dueAt: now, status: n % 4 == 0 ? .paid : .open)
    }

    /// An offline console whose mirror holds the rows, as after a sync.
    func session() async throws -> (Session, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("payments-\(UUID().uuidString)")
        let config = ConsoleConfig(server: "http://127.0.0.1:9", user: "acct", role: .accounting, driverId: nil, token: "offline")
        let session = try Session.open(directory: DataDirectory(override: directory.path), config: config)
        for start in stride(from: 0, to: Self.rows, by: 20_000) {
            let range = start..<min(start + 20_000, Self.rows)
            try await session.mirror.apply(try PullBatch(PullResponse(
                cursor: "c\(start)", hasMore: range.upperBound < Self.rows, reset: start == 0, lastMutationId: 0,
                serverTime: Self.now, invoices: range.map(Self.invoice), payouts: range.map(Self.payout))), actor: config.actor)
        }
        return (session, directory)
    }

    /// Runs the effects the reducer asks for against the mirror and feeds their answers back,
    /// until it asks for nothing more.
    func settle(_ app: inout AppState, _ effects: [Effect], _ session: Session) async throws {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            let events = Events()
            try await EffectRunner.perform(effect, session: session, post: { events.add($0) })
            for event in events.all { queue += app.reduce(event) }
        }
    }

    @Test func everyRowIsReachableWithABoundedWindow() async throws {
        let (session, directory) = try await session()
        defer { try? FileManager.default.removeItem(at: directory) }
        var app = AppState(screen: ScreenState(width: 100, height: 30, now: Self.now,
                                               session: SessionInfo(user: "acct", role: .accounting, driverId: nil,
                                                                    server: "http://127.0.0.1:9")))
        try await settle(&app, app.reduce(.key(.char("3"))), session)
        #expect(app.screen.pane == .payments)
        #expect(app.screen.payments.count == Self.rows, "counted over every row, not the window")
        #expect(app.screen.payments.payouts.selectedRow?.id == "P-099999")
        #expect(Screen.render(app.screen).line(1).contains("100,000 payouts"))

        // Page down through all of them: the window slides, the positions stay true.
        let page = max(1, Screen.visibleRows(app.screen))
        var steps = 0
        while app.screen.payments.position < Self.rows - 1, steps < Self.rows {
            try await settle(&app, app.reduce(.key(.pageDown)), session)
            steps += 1
            let window = app.screen.payments.payouts
            #expect(window.rows.count <= window.maxRows)
            if steps % 97 == 0, let row = window.selectedRow {
                #expect(row.id == String(format: "P-%06d", Self.rows - 1 - app.screen.payments.position))
            }
        }
        #expect(steps >= Self.rows / page - 1, "one page at a time")
        #expect(app.screen.payments.payouts.selectedRow?.id == "P-000000")

        // Home and End jump; the held filter pages the held only, counted by SQL.
        try await settle(&app, app.reduce(.key(.home)), session)
        #expect(app.screen.payments.payouts.selectedRow?.id == "P-099999")
        try await settle(&app, app.reduce(.key(.char("s"))), session) // pending
        try await settle(&app, app.reduce(.key(.char("s"))), session) // approved
        try await settle(&app, app.reduce(.key(.char("s"))), session) // held
        #expect(app.screen.payments.statusFilter == .held)
        #expect(app.screen.payments.count == Self.rows / 5)
        try await settle(&app, app.reduce(.key(.end)), session)
        #expect(app.screen.payments.payouts.selectedRow?.id == "P-000000")
        #expect(app.screen.payments.position == Self.rows / 5 - 1)
        #expect(app.screen.payments.payouts.rows.allSatisfy { $0.status == .held })

        // Invoices: the other tab keeps its own window.
        try await settle(&app, app.reduce(.key(.char("t"))), session)
        #expect(app.screen.payments.count == Self.rows)
        #expect(app.screen.payments.openInvoices.count == Self.rows * 3 / 4)
        try await settle(&app, app.reduce(.key(.end)), session)
        #expect(app.screen.payments.invoices.selectedRow?.id == "I-000000")
        #expect(app.screen.payments.position == Self.rows - 1)
        for _ in 0..<50 { try await settle(&app, app.reduce(.key(.pageUp)), session) }
        let window = app.screen.payments.invoices
        #expect(window.rows.count <= window.maxRows)
        #expect(window.selectedRow?.id == String(format: "I-%06d", Self.rows - 1 - app.screen.payments.position))
    }
}

/// Events posted by an effect, collected for the test to reduce.
final class Events: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [AppEvent] = []
    func add(_ event: AppEvent) { lock.withLock { events.append(event) } }
    var all: [AppEvent] { lock.withLock { events } }
}
