import Foundation
import Testing
import Domain
import Sync
@testable import Console

/// Edits made in quick succession reach the outbox in the order they were made.
@Suite("Edits queue in the order they were made")
struct EditOrderTests {
    @Test func manyQuickEditsQueueInOrder() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("edit-order-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Nothing listens there: the edits stay queued, as offline.
        let config = ConsoleConfig(server: "http://127.0.0.1:9", user: "dispatch", role: .dispatcher, driverId: nil,
                                   token: "offline")
        let session = try Session.open(directory: DataDirectory(override: directory.path), config: config)
        let now = Int64(Date().timeIntervalSince1970)
        let load = Load(id: "L-1", reference: "R1", shipper: "Acme Steel",
                        stops: [Stop(kind: .pickup, city: "Dallas", state: "TX", zip: "75201", lat: 32.78, lon: -96.8,
                                     windowStart: now, windowEnd: now + 3_600),
                                Stop(kind: .delivery, city: "Tulsa", state: "OK", zip: "74103", lat: 36.15, lon: -95.99,
                                     windowStart: now + 86_400, windowEnd: now + 90_000)],
                        equipment: "V", fullLoad: true, weightLbs: 30_000, lengthFt: 48, commodity: "steel", hazmat: false,
                        miles: 257, rateCents: 90_000, rateKind: .flat, postedAt: now, status: .posted)
        try await session.mirror.apply(try PullBatch(PullResponse(cursor: "c", hasMore: false, reset: true, lastMutationId: 0,
                                                                  serverTime: now, loads: [load])),
                                       actor: config.actor)
        let failures = Failures()
        let runner = EffectRunner(session: session, post: { event in
            if case .failure(let message) = event { failures.add(message) }
        })
        let texts = (1...200).map { "note \($0)" }
        for (n, text) in texts.enumerated() {
            runner.run(.mutate(.addNote(.init(noteId: "n\(n)", loadId: "L-1", text: text, at: now))))
        }
        await runner.writes.drain()
        #expect(failures.all.isEmpty)
        let queued = try await session.mirror.outbox().map { entry -> String in
            guard case .addNote(let note) = entry.envelope.mutation else { return "?" }
            return note.text
        }
        #expect(queued == texts)
    }
}

private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
