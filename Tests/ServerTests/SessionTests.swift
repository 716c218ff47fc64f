import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import PostgresNIO
import Testing
import Client
import Domain
@testable import Server

@Suite("Sessions and logins: hashed tokens, logout, user administration, throttling")
struct SessionTests {
    @Test(arguments: StoreKind.available) func tokensAreStoredOnlyAsDigestsAndLogoutRevokes(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store, loads: 20, drivers: 4, carriers: 2)
        defer { Task { await server.stop() } }
        let (client, login) = try await server.client()
        let digests = try await server.sessionDigests()
        #expect(digests.contains(Credentials.digest(of: login.token)))
        #expect(!digests.contains(login.token), "a copy of the database must grant no session")
        #expect(login.token.count == 64)

        let (other, _) = try await server.client()
        _ = try await client.pull(cursor: nil, clientId: "a", limit: 10)
        try await client.logout()
        await #expect(throws: ClientError.self) { _ = try await client.pull(cursor: nil, clientId: "a", limit: 10) }
        do {
            _ = try await client.pull(cursor: nil, clientId: "a", limit: 10)
            Issue.record("a revoked token was accepted")
        } catch .unauthorized {
        } catch {
            Issue.record("expected 401, got \(error)")
        }
        // Another session of the same user is untouched.
        _ = try await other.pull(cursor: nil, clientId: "b", limit: 10)
    }

    @Test(arguments: StoreKind.available) func usersAreAddedChangedDisabledAndListed(store: StoreKind) async throws {
        let server = try await TestServer.start(store: store, loads: 20, drivers: 4, carriers: 2)
        defer { Task { await server.stop() } }
        let users = server.server.store
        try await users.addUser(NewUser(name: "maria", password: "correct horse", role: .dispatcher, driverId: nil,
                                        organization: nil))
        let (_, maria) = try await server.client(as: "maria", password: "correct horse")
        #expect(maria.role == .dispatcher)
        #expect(maria.organization == SeedOrganization.primary.name)

        await #expect(throws: ServerError.self) {
            try await users.addUser(NewUser(name: "maria", password: "another one", role: .accounting, driverId: nil,
                                            organization: nil))
        }
        for bad in [NewUser(name: "Maria X", password: "correct horse", role: .dispatcher, driverId: nil, organization: nil),
                    NewUser(name: "short", password: "short", role: .dispatcher, driverId: nil, organization: nil),
                    NewUser(name: "nodriver", password: "correct horse", role: .driver, driverId: nil, organization: nil),
                    NewUser(name: "ghost", password: "correct horse", role: .driver, driverId: "D-999", organization: nil),
                    NewUser(name: "lost", password: "correct horse", role: .dispatcher, driverId: nil, organization: "nowhere")] {
            await #expect(throws: ServerError.self, "\(bad.name)") { try await users.addUser(bad) }
        }
        try await users.addUser(NewUser(name: "d-new", password: "driver pass", role: .driver, driverId: "D-2",
                                        organization: nil))
        let (_, driver) = try await server.client(as: "d-new", password: "driver pass")
        #expect(driver.driverId == "D-2")

        // A new password ends every session and the old password.
        try await users.setPassword(user: "maria", password: "battery staple")
        #expect(try await users.authenticate(token: maria.token, issuedAfter: 0) == nil)
        await #expect(throws: ClientError.self) { _ = try await server.client(as: "maria", password: "correct horse") }
        let (_, again) = try await server.client(as: "maria", password: "battery staple")

        // Disabled: no sign-in (403, not "wrong password"), no session; enabled again: signs in.
        try await users.setDisabled(user: "maria", true)
        #expect(try await users.authenticate(token: again.token, issuedAfter: 0) == nil)
        do {
            _ = try await server.client(as: "maria", password: "battery staple")
            Issue.record("a disabled login signed in")
        } catch ClientError.refused(let status, let code, _) {
            #expect(status == 403)
            #expect(code == "account_disabled")
        }
        try await users.setDisabled(user: "maria", false)
        _ = try await server.client(as: "maria", password: "battery staple")
        await #expect(throws: ServerError.self) { try await users.setDisabled(user: "nobody", true) }
        await #expect(throws: ServerError.self) { try await users.setPassword(user: "nobody", password: "long enough") }

        let listed = try await users.listUsers()
        let row = try #require(listed.first { $0.name == "maria" })
        #expect(row.role == .dispatcher && !row.disabled && row.sessions == 1)
        #expect(listed.map(\.name) == listed.map(\.name).sorted())
        #expect(listed.contains { $0.name == "d-new" && $0.driverId == "D-2" })
    }

    @Test func repeatedFailedLoginsAreThrottledWithRetryAfter() async throws {
        let server = try await TestServer.start(loads: 10, drivers: 2, carriers: 1)
        defer { Task { await server.stop() } }
        let user = Seeder.dispatcherLogin.user
        for _ in 0..<5 {
            await #expect(throws: ClientError.self) { _ = try await server.client(as: user, password: "guess") }
        }
        // The sixth attempt is refused before the password is checked: the right one too.
        var request = URLRequest(url: URL(string: server.url + "/v1/login")!)
        request.httpMethod = "POST"
        request.httpBody = try JSONEncoder.wire.encode(LoginRequest(user: user, password: Seeder.dispatcherLogin.password))
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 429)
        #expect(Int(http.value(forHTTPHeaderField: "Retry-After") ?? "") ?? 0 >= 1)
        #expect(try JSONDecoder.wire.decode(ErrorBody.self, from: data).error.code == "login_throttled")
        // Another user from the same address still signs in.
        _ = try await server.client(as: Seeder.accountingLogin.user, password: Seeder.accountingLogin.password)
    }
}

@Suite("Login throttle (manual clock)")
struct LoginThrottleTests {
    @Test func aUserIsLockedAfterFiveFailuresAndRegainsOneAttemptAMinute() {
        var throttle = LoginThrottle()
        for second in 0..<5 {
            #expect(throttle.retryAfter(user: "ann", address: "10.0.0.1", now: Double(second)) == 0)
            throttle.failed(user: "ann", address: "10.0.0.1", now: Double(second))
        }
        let wait = throttle.retryAfter(user: "Ann", address: "10.0.0.9", now: 5)
        #expect(wait > 50 && wait <= 60, "names are case-insensitive and the lock follows the user: \(wait)")
        #expect(throttle.retryAfter(user: "bob", address: "10.0.0.1", now: 5) == 0)
        #expect(throttle.retryAfter(user: "ann", address: "10.0.0.1", now: 61) == 0)
        throttle.failed(user: "ann", address: "10.0.0.1", now: 61)
        #expect(throttle.retryAfter(user: "ann", address: "10.0.0.1", now: 62) > 0, "one attempt a minute, not five")
    }

    @Test func anAddressIsLockedAfterTwentyFailuresAcrossNames() {
        var throttle = LoginThrottle()
        for n in 0..<20 { throttle.failed(user: "user\(n)", address: "192.0.2.7", now: 0) }
        #expect(throttle.retryAfter(user: "fresh", address: "192.0.2.7", now: 0) > 0)
        #expect(throttle.retryAfter(user: "fresh", address: "192.0.2.8", now: 0) == 0)
        #expect(throttle.retryAfter(user: "fresh", address: "192.0.2.7", now: 6) == 0)
    }

    @Test func successClearsTheUserAndRefilledBucketsAreSwept() {
        var throttle = LoginThrottle()
        for _ in 0..<4 { throttle.failed(user: "ann", address: "a", now: 0) }
        throttle.succeeded(user: "ann")
        for _ in 0..<4 { throttle.failed(user: "ann", address: "a", now: 1) }
        #expect(throttle.retryAfter(user: "ann", address: "a", now: 1) == 0, "the count started again after the success")
        throttle.sweep(now: 10_000)
        #expect(throttle.trackedKeys == 0)
    }

    @Test func digestsMatchSHA256AndTokensAreRandom() {
        #expect(Credentials.digest(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let tokens = Set((0..<100).map { _ in Credentials.newToken() })
        #expect(tokens.count == 100 && tokens.allSatisfy { $0.count == 64 })
    }
}

/// Tokens issued before v5 were stored as issued; after the upgrade they still sign in, and the
/// database holds only their digests.
@Suite("Schema v5 on existing databases")
struct SessionMigrationTests {
    /// A v4 database with one login and one token stored as issued (non-async, so GRDB's
    /// synchronous writes are picked).
    static func makeV4Database(at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try SQLiteStore.migrator.migrate(queue, upTo: "v4: organisations")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO users(name, password_hash, role, organization) VALUES ('old', 'x', 'dispatcher', 'Old Freight');
                INSERT INTO tokens(token, user, created_at) VALUES ('plain-old-token', 'old', 100);
                """)
        }
        try queue.close()
    }

    @Test func sqliteTokensFromBeforeKeepWorkingAndAreHashed() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("session-migration-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.makeV4Database(at: path)

        let store = try SQLiteStore(path: path)
        let actor = try await store.authenticate(token: "plain-old-token", issuedAfter: 0)
        #expect(actor?.user == "old")
        let stored = try await store.pool.read { db in try String.fetchAll(db, sql: "SELECT token_hash FROM sessions") }
        #expect(stored == [Credentials.digest(of: "plain-old-token")])
        #expect(try await store.authenticate(token: "plain-old-token", issuedAfter: 100) == nil, "its age is kept")
    }

    @Test func postgresTokensFromBeforeKeepWorkingAndAreHashed() async throws {
        guard TestPostgres.url != nil else { return }
        let url = try await TestPostgres.create()
        try await TestPostgres.with(url) { connection in
            _ = try await connection.query("""
                CREATE TABLE schema_migrations(version BIGINT PRIMARY KEY, name TEXT NOT NULL,
                                               applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: TestPostgres.logger)
            for migration in PostgresStore.migrations where migration.version <= 4 {
                for statement in migration.statements {
                    _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: TestPostgres.logger)
                }
                _ = try await connection.query("""
                    INSERT INTO schema_migrations(version, name) VALUES (\(Int64(migration.version)), \(migration.name))
                    """, logger: TestPostgres.logger)
            }
            _ = try await connection.query("""
                INSERT INTO users(name, password_hash, role, organization) VALUES ('old', 'x', 'dispatcher', 'Old Freight')
                """, logger: TestPostgres.logger)
            _ = try await connection.query("""
                INSERT INTO tokens(token, "user", created_at) VALUES ('plain-old-token', 'old', 100)
                """, logger: TestPostgres.logger)
        }
        let store = try await PostgresStore(url: url)
        let actor = try await store.authenticate(token: "plain-old-token", issuedAfter: 0)
        await store.close()
        try? await TestPostgres.drop(url)
        #expect(actor?.user == "old")
    }
}
