import Foundation
import Testing
import Client
import Domain
import Server

/// Two organisations on one dispatchd: each sees and changes only its own rows, and another
/// organisation's ids are answered exactly as ids that do not exist.
@Suite("Organisations are isolated", .serialized)
struct OrganizationTests {
    static let gulf = (user: SeedOrganization.second.loginPrefix + Seeder.dispatcherLogin.user,
                       password: Seeder.dispatcherLogin.password)

    static func start(_ store: StoreKind) async throws -> TestServer {
        try await TestServer.start(store: store, loads: 300, drivers: 100, carriers: 50,
                                   organizations: [.primary, .second])
    }

    /// A server with both organisations, and a dispatcher of each signed in.
    static func twoDispatchers(_ store: StoreKind) async throws -> (TestServer, prairie: DispatchClient, gulf: DispatchClient) {
        let server = try await start(store)
        let (prairie, _) = try await server.client()
        let (gulf, _) = try await server.client(as: gulf.user, password: gulf.password)
        return (server, prairie, gulf)
    }

    /// Every row of the caller's feed, page by page.
    static func pullAll(_ client: DispatchClient, limit: Int = 5_000) async throws -> PullResponse {
        var all = try await client.pull(cursor: nil, clientId: "org-test", limit: limit)
        var page = all
        while page.hasMore {
            page = try await client.pull(cursor: page.cursor, clientId: "org-test", limit: limit)
            all.loads += page.loads
            all.drivers += page.drivers
            all.carriers += page.carriers
            all.events += page.events
            all.invoices += page.invoices
            all.payouts += page.payouts
            all.deleted += page.deleted
            all.cursor = page.cursor
        }
        return all
    }

    static func ids(_ page: PullResponse) -> [String] {
        page.loads.map(\.id) + page.drivers.map(\.id) + page.carriers.map(\.id) + page.events.map(\.id)
            + page.invoices.map(\.id) + page.payouts.map(\.id) + page.deleted.map(\.id)
    }

    /// Seeded ids of the second organisation carry its prefix after the letter: "L-G3".
    static func isGulf(_ id: String) -> Bool { id.dropFirst(2).hasPrefix(SeedOrganization.second.idPrefix) }

    @Test(arguments: StoreKind.available) func eachRoleSeesOnlyItsOrganisation(store: StoreKind) async throws {
        let server = try await Self.start(store)
        defer { Task { await server.stop() } }
        let (prairie, _) = try await server.client()
        let (gulf, gulfLogin) = try await server.client(as: Self.gulf.user, password: Self.gulf.password)
        #expect(gulfLogin.organization == SeedOrganization.second.name)

        // Same cursor, same head, same limit: the shared page cache must not hand one to the other.
        let mine = try await Self.pullAll(prairie)
        let theirs = try await Self.pullAll(gulf)
        #expect(mine.loads.count == 300)
        #expect(theirs.loads.count == SeedOrganization.second.scaled(300))
        #expect(!theirs.drivers.isEmpty && !theirs.carriers.isEmpty && !theirs.events.isEmpty)
        #expect(Array(Self.ids(mine).filter(Self.isGulf).prefix(5)) == [], "the first organisation sees none of the second's rows")
        #expect(Array(Self.ids(theirs).filter { !Self.isGulf($0) }.prefix(5)) == [], "the second organisation sees only its own rows")

        let (gulfAccounting, _) = try await server.client(
            as: SeedOrganization.second.loginPrefix + Seeder.accountingLogin.user, password: Seeder.accountingLogin.password)
        let books = try await Self.pullAll(gulfAccounting)
        #expect(!books.payouts.isEmpty)
        #expect(Array(Self.ids(books).filter { !Self.isGulf($0) }.prefix(5)) == [])

        let driverId = try #require(theirs.loads.compactMap(\.driverId).first)
        let (gulfDriver, _) = try await server.client(as: driverId.lowercased(), password: Seeder.driverPassword)
        let own = try await Self.pullAll(gulfDriver)
        #expect(!own.loads.isEmpty && own.loads.allSatisfy { $0.driverId == driverId })
        #expect(own.drivers.map(\.id) == [driverId])
    }

    @Test(arguments: StoreKind.available) func anotherOrganisationsIdsAreAnsweredAsUnknown(store: StoreKind)
        async throws {
        let (server, prairie, gulf) = try await Self.twoDispatchers(store)
        defer { Task { await server.stop() } }
        let mine = try await Self.pullAll(prairie)
        let theirs = try await Self.pullAll(gulf)
        let prairieLoad = try #require(mine.loads.first { $0.status == .posted })
        let prairieDriver = try #require(mine.drivers.first { $0.available })
        let prairiePayout = try #require(mine.payouts.first { $0.status == .pending })
        let prairieEvent = try #require(mine.events.first)
        let gulfLoad = try #require(theirs.loads.first { $0.status == .posted })
        let gulfDriver = try #require(theirs.drivers.first { $0.available })
        let before = try await server.server.store.currentSequence()

        /// The same push with every foreign id replaced by one that exists nowhere.
        func attempts(load: String, driver: String, payout: String) -> [Mutation] {
            [
                .assignLoad(.init(loadId: load, driverId: gulfDriver.id)),
                .assignLoad(.init(loadId: gulfLoad.id, driverId: driver)),
                .addNote(.init(noteId: "org-note", loadId: load, text: "cross-tenant note", at: 1_700_000_000)),
                .recordStatus(.init(eventId: "org-event", loadId: load, code: .delayed, reason: .driverRelated,
                                    at: 1_700_000_000)),
                .approvePayout(.init(payoutId: payout, key: "org-key", seenVersion: prairiePayout.version,
                                     seenAmountCents: prairiePayout.amountCents, seenVerdict: .ok)),
            ]
        }
        func push(_ mutations: [Mutation], client: String) async throws -> [MutationResult] {
            try await gulf.push(PushRequest(clientId: client, mutations: mutations.enumerated().map {
                MutationEnvelope(id: Int64($0.offset + 1), mutation: $0.element, createdAt: 0)
            })).results
        }
        let foreign = try await push(attempts(load: prairieLoad.id, driver: prairieDriver.id, payout: prairiePayout.id),
                                     client: "gulf-a")
        let missing = try await push(attempts(load: "L-nowhere", driver: "D-nowhere", payout: "P-nowhere"),
                                     client: "gulf-b")
        #expect(foreign.allSatisfy { $0.status == .rejected && $0.rejection?.code == .notFound }, "\(foreign)")
        // Word for word what an id that exists nowhere gets: nothing tells the two apart.
        func anonymised(_ results: [MutationResult]) -> [String] {
            results.map { result in
                [(prairieLoad.id, "L-nowhere"), (prairieDriver.id, "D-nowhere"), (prairiePayout.id, "P-nowhere")]
                    .reduce(result.rejection?.message ?? "") { $0.replacingOccurrences(of: $1.0, with: $1.1) }
            }
        }
        #expect(anonymised(foreign) == missing.map { $0.rejection?.message ?? "" })
        #expect(foreign.map(\.rejection?.code) == missing.map(\.rejection?.code))

        // An event id the device chose that the other organisation already uses: refused, and
        // the other organisation's event is left as it was.
        let assigned = try await push([
            .assignLoad(.init(loadId: gulfLoad.id, driverId: gulfDriver.id)),
            .recordStatus(.init(eventId: prairieEvent.id, loadId: gulfLoad.id, code: .delayed, reason: .driverRelated,
                                at: 1_700_000_000)),
        ], client: "gulf-c")
        #expect(assigned.map(\.status) == [.applied, .rejected])
        #expect(assigned.last?.rejection?.code == .invalid)
        let words = assigned.last?.rejection?.message ?? ""
        #expect(!words.contains(prairieEvent.loadId) && !words.contains(SeedOrganization.primary.name), "\(words)")

        // A telematics feed of the second organisation posting the first one's driver.
        let ping = PositionBatch(pings: [PositionPing(driverId: prairieDriver.id, lat: 30, lon: -95,
                                                      at: Int64(Date().timeIntervalSince1970))])
        var nowhere = ping
        nowhere.pings[0].driverId = "D-nowhere"
        var refusals: [String] = []
        for batch in [ping, nowhere] {
            do {
                _ = try await gulf.ingest(batch)
                refusals.append("accepted")
            } catch .refused(let status, let code, let message) {
                refusals.append("\(status) \(code) " + message.replacingOccurrences(of: prairieDriver.id, with: "D-nowhere"))
            } catch {
                refusals.append("\(error)")
            }
        }
        #expect(refusals[0].hasPrefix("400 bad_ping"), "\(refusals)")
        #expect(refusals[0] == refusals[1])

        // Nothing of the first organisation changed, and only the one accepted assignment was stored.
        let after = try await Self.pullAll(prairie)
        #expect(after.loads.first { $0.id == prairieLoad.id } == prairieLoad)
        #expect(after.drivers.first { $0.id == prairieDriver.id } == prairieDriver)
        #expect(after.payouts.first { $0.id == prairiePayout.id } == prairiePayout)
        #expect(after.events.first { $0.id == prairieEvent.id } == prairieEvent)
        #expect(try await server.bodies(of: "loads", containing: "cross-tenant note").isEmpty)
        #expect(try await server.server.store.currentSequence() == before + 1)
        #expect(try await server.server.store.positions(of: prairieDriver.id).isEmpty)
    }

    @Test(arguments: StoreKind.available) func aChangeInOneOrganisationNeverReachesAnother(store: StoreKind)
        async throws {
        let (server, prairie, gulf) = try await Self.twoDispatchers(store)
        defer { Task { await server.stop() } }
        let mine = try await Self.pullAll(prairie)
        let theirs = try await Self.pullAll(gulf)
        let load = try #require(mine.loads.first { $0.status == .posted })
        let driver = try #require(mine.drivers.first { $0.available })

        // The second organisation waits on the feed while the first one assigns a load.
        async let waited = gulf.pull(cursor: theirs.cursor, clientId: "gulf-wait", wait: 2)
        let pushed = try await prairie.push(PushRequest(clientId: "prairie", mutations: [
            MutationEnvelope(id: 1, mutation: .assignLoad(.init(loadId: load.id, driverId: driver.id)), createdAt: 0),
        ]))
        #expect(pushed.results.map(\.status) == [.applied])
        let page = try await waited
        #expect(page.rowCount == 0 && page.deleted.isEmpty, "\(Self.ids(page))")
        let mineAfter = try await prairie.pull(cursor: mine.cursor, clientId: "prairie")
        #expect(mineAfter.loads.map(\.id) == [load.id])
        let theirsAfter = try await gulf.pull(cursor: theirs.cursor, clientId: "gulf")
        #expect(theirsAfter.rowCount == 0 && theirsAfter.deleted.isEmpty)
    }
}
