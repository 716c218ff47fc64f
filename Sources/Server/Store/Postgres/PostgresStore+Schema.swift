import Logging
import PostgresNIO

extension PostgresStore {
    /// One schema step. Migrations are append-only: once shipped, a migration is never edited.
    struct Migration {
        var version: Int
        var name: String
        var statements: [String]
    }

    /// The same tables and columns as the SQLite schema v1 to v4. Bodies are TEXT holding the wire
    /// JSON, so a pull splices them unchanged; integers are BIGINT.
    static let migrations: [Migration] = [
        Migration(version: 1, name: "v1", statements: [
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "INSERT INTO meta(key, value) VALUES ('seq', '0')",
            """
            CREATE TABLE users(name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL,
                               driver_id TEXT, organization TEXT NOT NULL)
            """,
            """
            CREATE TABLE tokens(token TEXT PRIMARY KEY, "user" TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
                                created_at BIGINT NOT NULL)
            """,
            "CREATE TABLE carriers(id TEXT PRIMARY KEY, verdict TEXT NOT NULL, seq BIGINT NOT NULL, body TEXT NOT NULL)",
            "CREATE INDEX carriers_seq ON carriers(seq)",
            "CREATE TABLE drivers(id TEXT PRIMARY KEY, carrier_id TEXT NOT NULL, seq BIGINT NOT NULL, body TEXT NOT NULL)",
            "CREATE INDEX drivers_seq ON drivers(seq)",
            """
            CREATE TABLE loads(id TEXT PRIMARY KEY, driver_id TEXT, status TEXT NOT NULL,
                               seq BIGINT NOT NULL, body TEXT NOT NULL)
            """,
            "CREATE INDEX loads_seq ON loads(seq)",
            "CREATE INDEX loads_driver_seq ON loads(driver_id, seq)",
            "CREATE TABLE events(id TEXT PRIMARY KEY, load_id TEXT NOT NULL, seq BIGINT NOT NULL, body TEXT NOT NULL)",
            "CREATE INDEX events_seq ON events(seq)",
            "CREATE INDEX events_load ON events(load_id)",
            "CREATE TABLE invoices(id TEXT PRIMARY KEY, load_id TEXT NOT NULL, seq BIGINT NOT NULL, body TEXT NOT NULL)",
            "CREATE INDEX invoices_seq ON invoices(seq)",
            "CREATE TABLE payouts(id TEXT PRIMARY KEY, load_id TEXT NOT NULL, seq BIGINT NOT NULL, body TEXT NOT NULL)",
            "CREATE INDEX payouts_seq ON payouts(seq)",
            "CREATE TABLE tombstones(tbl TEXT NOT NULL, id TEXT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY(tbl, id))",
            "CREATE INDEX tombstones_seq ON tombstones(seq)",
            """
            CREATE TABLE clients(client_id TEXT PRIMARY KEY, "user" TEXT NOT NULL,
                                 last_mutation_id BIGINT NOT NULL DEFAULT 0)
            """,
            """
            CREATE TABLE mutation_results(client_id TEXT NOT NULL, mutation_id BIGINT NOT NULL, status TEXT NOT NULL,
                                          rejection TEXT, PRIMARY KEY(client_id, mutation_id))
            """,
        ]),
        Migration(version: 2, name: "v2: scope exits and tombstone horizon", statements: [
            "ALTER TABLE tombstones ADD COLUMN at BIGINT NOT NULL DEFAULT 0",
            "CREATE INDEX tombstones_at ON tombstones(at)",
            """
            CREATE TABLE scope_exits(driver_id TEXT NOT NULL, tbl TEXT NOT NULL, id TEXT NOT NULL,
                                     seq BIGINT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY(driver_id, tbl, id))
            """,
            "CREATE INDEX scope_exits_driver_seq ON scope_exits(driver_id, seq)",
            "CREATE INDEX scope_exits_at ON scope_exits(at)",
            "INSERT INTO meta(key, value) VALUES ('horizon', '0')",
            "ALTER TABLE mutation_results ADD COLUMN seq BIGINT",
        ]),
        Migration(version: 3, name: "v3: GPS history", statements: [
            // Every ping, kept for the retention horizon; the feed carries only the latest
            // position per driver, in the driver row.
            """
            CREATE TABLE positions(driver_id TEXT NOT NULL, at BIGINT NOT NULL, lat DOUBLE PRECISION NOT NULL,
                                   lon DOUBLE PRECISION NOT NULL, speed_mph DOUBLE PRECISION, heading DOUBLE PRECISION)
            """,
            "CREATE INDEX positions_driver_at ON positions(driver_id, at)",
            "CREATE INDEX positions_at ON positions(at)",
            // For a pull's lastMutationId as of its page: the first result of a client past a sequence.
            "CREATE INDEX mutation_results_client_seq ON mutation_results(client_id, seq)",
        ]),
        // As SQLite's v4: every entity row belongs to one organisation; rows from before are the
        // one organisation the logins name. No default is left, so no write can forget it.
        Migration(version: 4, name: "v4: organisations", statements: (ServerTables.entities + ["tombstones"]).flatMap {
            [
                "ALTER TABLE \($0) ADD COLUMN org TEXT NOT NULL DEFAULT ''",
                "UPDATE \($0) SET org = (SELECT COALESCE(MIN(organization), '') FROM users)",
                "ALTER TABLE \($0) ALTER COLUMN org DROP DEFAULT",
                "DROP INDEX \($0)_seq",
                "CREATE INDEX \($0)_org_seq ON \($0)(org, seq)",
            ]
        } + [
            "DROP INDEX loads_driver_seq",
            "CREATE INDEX loads_driver_org_seq ON loads(driver_id, org, seq)",
        ]),
        // As SQLite's v5: only a token's SHA-256 is stored; live tokens keep working.
        Migration(version: 5, name: "v5: hashed sessions, disabled logins", statements: [
            "ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT false",
            """
            CREATE TABLE sessions(token_hash TEXT PRIMARY KEY,
                                  "user" TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
                                  created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX sessions_user ON sessions(\"user\")",
            """
            INSERT INTO sessions(token_hash, "user", created_at)
            SELECT encode(sha256(convert_to(token, 'UTF8')), 'hex'), "user", created_at FROM tokens
            ON CONFLICT DO NOTHING
            """,
            "DROP TABLE tokens",
        ]),
    ]

    /// Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction.
    /// An advisory lock keeps two instances starting together from migrating at once.
    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(4242001)", logger: logger)
            do {
                try await connection.query("""
                    CREATE TABLE IF NOT EXISTS schema_migrations(version BIGINT PRIMARY KEY, name TEXT NOT NULL,
                                                                 applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                    """, logger: logger)
                let applied = Set(try await connection.column("SELECT version FROM schema_migrations",
                                                              as: Int64.self, logger: logger))
                for migration in migrations where !applied.contains(Int64(migration.version)) {
                    try await transaction(connection, begin: "BEGIN", logger: logger) { connection in
                        for statement in migration.statements {
                            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        }
                        try await connection.query("""
                            INSERT INTO schema_migrations(version, name) VALUES (\(Int64(migration.version)), \(migration.name))
                            """, logger: logger)
                    }
                    logger.info("migrated", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                }
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(4242001)", logger: logger)
                throw error
            }
            try await connection.query("SELECT pg_advisory_unlock(4242001)", logger: logger)
        }
    }
}
