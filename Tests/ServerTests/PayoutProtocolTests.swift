import Foundation
import Testing
import GRDB
import Client
import Domain
import Server
import Sync

@Suite("Payout decisions carry what the user saw", .serialized)
struct PayoutProtocolTests {
    @Test(arguments: StoreKind.available) func anApprovalOnAStaleAmountIsRefusedListedAndNotRetriedBlindly(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let login = Seeder.accountingLogin
        let (books, engine, accounting) = try await server.console("books", user: login.user, password: login.password)
        _ = try await engine.syncOnce()
        let (payout, carrier) = try await pendingPayoutOfAnOkCarrier(in: books)
        let seen = Mutation.PayoutAction(payout: payout, carrier: carrier, key: "approve-1")
        // Meanwhile a lumper fee is added on the server.
        try await server.adjust(payout.id) { $0.amountCents += 15_000 }
        try await books.enqueue(.approvePayout(seen), by: accounting)
        #expect(try await MirrorQueries(mirror: books).payout(payout.id)?.status == .approved, "optimistic")

        let report = try await engine.syncOnce()
        #expect(report.rejected.count == 1 && report.rejected[0].contains("amount changed"))
        let conflicts = try await books.conflicts()
        #expect(conflicts.count == 1 && conflicts[0].code == "stale")
        let local = try await MirrorQueries(mirror: books).payout(payout.id)
        #expect(local?.status == .pending && local?.amountCents == payout.amountCents + 15_000, "rolled back to the server's view")

        // The same decision again would be refused for the same reason: it stays a conflict.
        await #expect(throws: SyncError.self) { _ = try await books.retryConflict(conflicts[0].id, by: accounting) }
        #expect(try await books.conflicts().count == 1)
        try await books.discardConflict(conflicts[0].id)
        #expect(try await books.conflicts().isEmpty)

        // Deciding again on what is there now goes through, once per key.
        let fresh = Mutation.PayoutAction(payout: local!, carrier: carrier, key: "approve-2")
        try await books.enqueue(.approvePayout(fresh), by: accounting)
        try await books.enqueue(.approvePayout(fresh), by: accounting)
        let second = try await engine.syncOnce()
        #expect(second.rejected.isEmpty && second.pending == 0)
        let final = try await MirrorQueries(mirror: books).payout(payout.id)
        #expect(final?.status == .approved && final?.version == local!.version + 1, "the repeated key changed nothing")
    }

    @Test(arguments: StoreKind.available) func aChangedCarrierVerdictRefusesTheApproval(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let login = Seeder.accountingLogin
        let (books, engine, accounting) = try await server.console("books", user: login.user, password: login.password)
        _ = try await engine.syncOnce()
        let (payout, carrier) = try await pendingPayoutOfAnOkCarrier(in: books)
        try await books.enqueue(.approvePayout(.init(payout: payout, carrier: carrier, key: "k")), by: accounting)
        try await server.adjust(carrier: carrier.id) {
            $0.verdict = .doNotUse
            $0.verdictReason = "out of service: not allowed to operate"
        }
        let report = try await engine.syncOnce()
        #expect(report.rejected.first?.contains("do-not-use") == true)
        #expect(try await books.conflicts().first?.code == "stale")
    }
}

/// A pending payout whose carrier is ok, as the console's mirror shows it.
func pendingPayoutOfAnOkCarrier(in mirror: Mirror) async throws -> (Payout, Carrier) {
    try await mirror.pool.read { db -> (Payout, Carrier) in
        let row = try Row.fetchOne(db, sql: """
            SELECT p.body, c.body FROM payouts p JOIN carriers c ON c.id = p.carrier_id
            WHERE p.status = 'pending' AND c.verdict = 'ok' ORDER BY p.id LIMIT 1
            """)!
        return (try JSONDecoder.wire.decode(Payout.self, from: Data((row[0] as String).utf8)),
                try JSONDecoder.wire.decode(Carrier.self, from: Data((row[1] as String).utf8)))
    }
}

extension TestServer {
    /// Changes a row on the server the way another system would (an adjustment, an FMCSA re-check):
    /// a new version in its own transaction with its own sequence number.
    func adjust(_ payoutId: String, _ change: @Sendable (inout Payout) -> Void) async throws {
        try await rewrite("payouts", payoutId, as: Payout.self) { payout in
            change(&payout)
            payout.version += 1
        }
    }

    func adjust(carrier carrierId: String, _ change: @Sendable (inout Carrier) -> Void) async throws {
        try await rewrite("carriers", carrierId, as: Carrier.self) { carrier in
            change(&carrier)
            carrier.version += 1
        }
    }
}
