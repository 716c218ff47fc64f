import Foundation
import Testing
import Client
import Domain
import Server
import Sync

/// One sequence-number policy on both stores: a push takes one number, at its first applied
/// mutation, and every row it writes carries it; a push that applies nothing takes none.
@Suite("Sequence numbers: one per push, on both stores", .serialized)
struct SequencePolicyTests {
    /// The sequence an (opaque to clients) cursor stands at: "c1.<database>.<sequence>".
    func sequence(_ cursor: String) -> Int64 { Int64(cursor.split(separator: ".").last ?? "") ?? -1 }

    /// Pulls from `cursor` to the head; returns the rows' loads and events and the new cursor.
    func pull(_ client: DispatchClient, from cursor: String) async throws -> (loads: [Load], events: [StatusEvent], cursor: String) {
        var cursor = cursor, loads: [Load] = [], events: [StatusEvent] = []
        while true {
            let page = try await client.pull(cursor: cursor, clientId: "sequence-inspector", limit: 1_000)
            loads += page.loads
            events += page.events
            cursor = page.cursor
            if !page.hasMore { return (loads, events, cursor) }
        }
    }

    @Test(arguments: StoreKind.available) func aPushTakesOneNumberAndARejectedPushNone(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store)
        defer { Task { await server.stop() } }
        let (east, engine, _) = try await server.console("east")
        _ = try await engine.syncOnce()
        let (load, driver) = try await server.postedLoadAndDriver(in: east)
        let (other, _) = try await server.postedLoadAndDriver(in: east, skip: 1)
        let (client, _) = try await server.client()
        let head = try await pull(client, from: "").cursor
        let now = Int64(Date().timeIntervalSince1970)

        // Applied, rejected, applied, applied on another load: one number for all of it.
        let pushed = try await client.push(PushRequest(clientId: "seq-client", mutations: [
            MutationEnvelope(id: 1, mutation: .assignLoad(.init(loadId: load, driverId: driver)), createdAt: now),
            MutationEnvelope(id: 2, mutation: .assignLoad(.init(loadId: "L-NOPE", driverId: driver)), createdAt: now),
            MutationEnvelope(id: 3, mutation: .recordStatus(.init(eventId: "E-seq-1", loadId: load, code: .dispatched, at: now)),
                             createdAt: now),
            MutationEnvelope(id: 4, mutation: .addNote(.init(noteId: "N-seq-1", loadId: other, text: "call first", at: now)),
                             createdAt: now),
        ]))
        #expect(pushed.results.map(\.status) == [.applied, .rejected, .applied, .applied])
        let after = try await pull(client, from: head)
        #expect(sequence(after.cursor) == sequence(head) + 1, "the whole push is one step of the feed")
        #expect(Set(after.loads.map(\.id)) == [load, other])
        #expect(after.events.map(\.id) == ["E-seq-1"])

        // Only a rejection: nothing written, no number taken.
        let refused = try await client.push(PushRequest(clientId: "seq-client", mutations: [
            MutationEnvelope(id: 5, mutation: .assignLoad(.init(loadId: "L-NOPE-2", driverId: driver)), createdAt: now),
        ]))
        #expect(refused.results.map(\.status) == [.rejected])
        // A replay of the first push: answered from the stored results, nothing taken either.
        let replayed = try await client.push(PushRequest(clientId: "seq-client", mutations: [
            MutationEnvelope(id: 1, mutation: .assignLoad(.init(loadId: load, driverId: driver)), createdAt: now),
        ]))
        #expect(replayed.results.first?.replayed == true)
        let idle = try await pull(client, from: after.cursor)
        #expect(idle.cursor == after.cursor && idle.loads.isEmpty, "the head did not move")

        // A rejection first, then an applied mutation: the rejected one's number was rolled back
        // with it, and the push still takes exactly one.
        let mixed = try await client.push(PushRequest(clientId: "seq-client", mutations: [
            MutationEnvelope(id: 6, mutation: .assignLoad(.init(loadId: "L-NOPE-3", driverId: driver)), createdAt: now),
            MutationEnvelope(id: 7, mutation: .addNote(.init(noteId: "N-seq-2", loadId: load, text: "dock 4", at: now)),
                             createdAt: now),
        ]))
        #expect(mixed.results.map(\.status) == [.rejected, .applied])
        let last = try await pull(client, from: after.cursor)
        #expect(sequence(last.cursor) == sequence(after.cursor) + 1)
        #expect(last.loads.map(\.id) == [load])
    }
}
