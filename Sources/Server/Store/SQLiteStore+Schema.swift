import GRDB

extension SQLiteStore {
    /// Migrations are append-only: once shipped, a migration is never edited.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta(key, value) VALUES ('seq', '0');

                CREATE TABLE users(
                    name TEXT PRIMARY KEY,
                    password_hash TEXT NOT NULL,
                    role TEXT NOT NULL,
                    driver_id TEXT,
                    organization TEXT NOT NULL
                );
                CREATE TABLE tokens(
                    token TEXT PRIMARY KEY,
                    user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
                    created_at INTEGER NOT NULL
                );

                CREATE TABLE carriers(id TEXT PRIMARY KEY, verdict TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL);
                CREATE INDEX carriers_seq ON carriers(seq);

                CREATE TABLE drivers(id TEXT PRIMARY KEY, carrier_id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL);
                CREATE INDEX drivers_seq ON drivers(seq);

                CREATE TABLE loads(
                    id TEXT PRIMARY KEY, driver_id TEXT, status TEXT NOT NULL,
                    seq INTEGER NOT NULL, body TEXT NOT NULL
                );
                CREATE INDEX loads_seq ON loads(seq);
                CREATE INDEX loads_driver_seq ON loads(driver_id, seq);

                CREATE TABLE events(id TEXT PRIMARY KEY, load_id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL);
                CREATE INDEX events_seq ON events(seq);
                CREATE INDEX events_load ON events(load_id);

                CREATE TABLE invoices(id TEXT PRIMARY KEY, load_id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL);
                CREATE INDEX invoices_seq ON invoices(seq);

                CREATE TABLE payouts(id TEXT PRIMARY KEY, load_id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL);
                CREATE INDEX payouts_seq ON payouts(seq);

                CREATE TABLE tombstones(tbl TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY(tbl, id));
                CREATE INDEX tombstones_seq ON tombstones(seq);

                -- One row per console: the last mutation id consumed, committed with its effects.
                CREATE TABLE clients(
                    client_id TEXT PRIMARY KEY,
                    user TEXT NOT NULL,
                    last_mutation_id INTEGER NOT NULL DEFAULT 0
                );
                -- The first result for each mutation, replayed to retries (like payment idempotency keys).
                CREATE TABLE mutation_results(
                    client_id TEXT NOT NULL,
                    mutation_id INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    rejection TEXT,
                    PRIMARY KEY(client_id, mutation_id)
                );
                """)
        }
        migrator.registerMigration("v2: scope exits and tombstone horizon") { db in
            try db.execute(sql: """
                ALTER TABLE tombstones ADD COLUMN at INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX tombstones_at ON tombstones(at);

                -- Rows that left one driver's scope (a load reassigned away, with its events):
                -- tombstones for that driver only. Dropped when the row comes back into scope.
                CREATE TABLE scope_exits(
                    driver_id TEXT NOT NULL, tbl TEXT NOT NULL, id TEXT NOT NULL,
                    seq INTEGER NOT NULL, at INTEGER NOT NULL,
                    PRIMARY KEY(driver_id, tbl, id)
                );
                CREATE INDEX scope_exits_driver_seq ON scope_exits(driver_id, seq);
                CREATE INDEX scope_exits_at ON scope_exits(at);

                -- Tombstones up to this sequence number have been pruned: an older cursor must reset.
                INSERT INTO meta(key, value) VALUES ('horizon', '0');

                -- The sequence number an applied mutation's effects took: shows per-client order.
                ALTER TABLE mutation_results ADD COLUMN seq INTEGER;
                """)
        }
        migrator.registerMigration("v3: GPS history") { db in
            try db.execute(sql: """
                -- Every ping, kept for the retention horizon; the feed carries only the latest
                -- position per driver, in the driver row.
                CREATE TABLE positions(
                    driver_id TEXT NOT NULL, at INTEGER NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
                    speed_mph REAL, heading REAL
                );
                CREATE INDEX positions_driver_at ON positions(driver_id, at);
                CREATE INDEX positions_at ON positions(at);

                -- For a pull's lastMutationId as of its page: the first result of a client past a sequence.
                CREATE INDEX mutation_results_client_seq ON mutation_results(client_id, seq);
                """)
        }
        migrator.registerMigration("v4: organisations") { db in
            // Every entity row belongs to one organisation; the feed, the rules and GPS ingest read
            // only the caller's. Rows from before are the one organisation the logins name.
            for table in ServerTables.entities + ["tombstones"] {
                try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN org TEXT NOT NULL DEFAULT ''")
                try db.execute(sql: "UPDATE \(table) SET org = (SELECT COALESCE(MIN(organization), '') FROM users)")
            }
            // A dispatcher's feed reads `org = ? AND seq > ?`; the seq indexes served the same
            // reads without the organisation.
            for table in ServerTables.entities + ["tombstones"] {
                try db.execute(sql: "DROP INDEX \(table)_seq")
                try db.execute(sql: "CREATE INDEX \(table)_org_seq ON \(table)(org, seq)")
            }
            // A driver's feed reads `org = ? AND driver_id = ? AND seq > ?`: with the organisation
            // in the driver index, the planner takes it over the whole organisation's (org, seq).
            try db.execute(sql: """
                DROP INDEX loads_driver_seq;
                CREATE INDEX loads_driver_org_seq ON loads(driver_id, org, seq);
                """)
        }
        migrator.registerMigration("v5: hashed sessions, disabled logins") { db in
            // Tokens were stored as issued; a copy of the database granted every session. Only
            // their SHA-256 is kept from now on, and live tokens keep working.
            try db.execute(sql: """
                ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT 0;
                CREATE TABLE sessions(
                    token_hash TEXT PRIMARY KEY,
                    user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX sessions_user ON sessions(user);
                """)
            let tokens = try Row.fetchAll(db, sql: "SELECT token, user, created_at FROM tokens")
            for token in tokens {
                let text: String = token[0]
                try db.execute(sql: "INSERT OR IGNORE INTO sessions(token_hash, user, created_at) VALUES (?, ?, ?)",
                               arguments: [Credentials.digest(of: text), token[1], token[2]])
            }
            try db.execute(sql: "DROP TABLE tokens")
        }
        return migrator
    }
}
