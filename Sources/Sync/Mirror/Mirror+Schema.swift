import GRDB

extension Mirror {
    /// Append-only: a shipped migration is never edited, only followed by a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE sync_state(key TEXT PRIMARY KEY, value TEXT NOT NULL);

                CREATE TABLE loads(
                    id TEXT PRIMARY KEY,
                    reference TEXT NOT NULL,
                    status TEXT NOT NULL,
                    equipment TEXT NOT NULL,
                    full_load INTEGER NOT NULL,
                    weight INTEGER NOT NULL,
                    length INTEGER NOT NULL,
                    miles INTEGER NOT NULL,
                    rate_cents INTEGER NOT NULL,
                    rpm_cents INTEGER NOT NULL,
                    posted_at INTEGER NOT NULL,
                    origin_city TEXT NOT NULL,
                    origin_state TEXT NOT NULL,
                    origin_sort TEXT NOT NULL,
                    dest_city TEXT NOT NULL,
                    dest_state TEXT NOT NULL,
                    pickup_at INTEGER NOT NULL,
                    driver_id TEXT,
                    carrier_id TEXT,
                    pending INTEGER NOT NULL DEFAULT 0,
                    body TEXT NOT NULL
                );
                CREATE INDEX loads_pickup ON loads(pickup_at, id);
                CREATE INDEX loads_rpm ON loads(rpm_cents, id);
                CREATE INDEX loads_origin ON loads(origin_sort, id);
                CREATE INDEX loads_status_pickup ON loads(status, pickup_at, id);
                CREATE INDEX loads_status_rpm ON loads(status, rpm_cents, id);
                CREATE INDEX loads_status_origin ON loads(status, origin_sort, id);
                CREATE INDEX loads_state_pickup ON loads(origin_state, pickup_at, id);
                CREATE INDEX loads_equipment_pickup ON loads(equipment, pickup_at, id);
                CREATE INDEX loads_driver ON loads(driver_id);

                CREATE TABLE drivers(
                    id TEXT PRIMARY KEY, carrier_id TEXT NOT NULL, equipment TEXT NOT NULL,
                    lat REAL NOT NULL, lon REAL NOT NULL, available INTEGER NOT NULL, body TEXT NOT NULL
                );
                CREATE TABLE carriers(id TEXT PRIMARY KEY, name TEXT NOT NULL, verdict TEXT NOT NULL, body TEXT NOT NULL);
                CREATE INDEX carriers_verdict ON carriers(verdict, name);
                CREATE TABLE events(id TEXT PRIMARY KEY, load_id TEXT NOT NULL, at INTEGER NOT NULL, body TEXT NOT NULL);
                CREATE INDEX events_load ON events(load_id, at);
                CREATE TABLE invoices(
                    id TEXT PRIMARY KEY, load_id TEXT NOT NULL, status TEXT NOT NULL, issued_at INTEGER NOT NULL,
                    amount_cents INTEGER NOT NULL, body TEXT NOT NULL
                );
                CREATE INDEX invoices_issued ON invoices(issued_at);
                CREATE TABLE payouts(
                    id TEXT PRIMARY KEY, load_id TEXT NOT NULL, carrier_id TEXT NOT NULL, status TEXT NOT NULL,
                    due_at INTEGER NOT NULL, body TEXT NOT NULL
                );
                CREATE INDEX payouts_due ON payouts(due_at);

                -- Edits not yet confirmed by a pull, in mutation id order. Written before the screen shows them.
                CREATE TABLE outbox(
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    envelope TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                -- Edits the server refused, with its reason, until retried or discarded.
                CREATE TABLE conflicts(
                    id INTEGER PRIMARY KEY,
                    envelope TEXT NOT NULL,
                    code TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    at INTEGER NOT NULL
                );
                -- The server's version of rows that pending edits changed (NULL body: row did not exist).
                CREATE TABLE shadow(tbl TEXT NOT NULL, id TEXT NOT NULL, body TEXT, PRIMARY KEY(tbl, id));
                """)
        }
        migrator.registerMigration("v2") { db in
            try Mirror.addSearchColumns(db)
        }
        // Every board sort walks an index, so a first page never sorts a million rows.
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
                CREATE INDEX loads_rate ON loads(rate_cents, id);
                CREATE INDEX loads_miles ON loads(miles, id);
                CREATE INDEX loads_weight ON loads(weight, id);
                CREATE INDEX loads_length ON loads(length, id);
                CREATE INDEX loads_dest ON loads((dest_state || ' ' || dest_city), id);
                CREATE INDEX loads_equipment ON loads(equipment, id);
                CREATE INDEX loads_status ON loads(status, id);
                CREATE INDEX loads_reference ON loads(reference, id);
                """)
        }
        // The default board order carries both ends' coordinates, so a radius filter walking it
        // tests each entry in the index and reads only the 50 rows it keeps: Dallas +150 mi on
        // 1M loads went from 6 ms to 0.4 ms in SQLite. It replaces `loads_pickup` (same prefix).
        migrator.registerMigration("v4") { db in
            try db.execute(sql: """
                CREATE INDEX loads_pickup_geo ON loads(pickup_at, id, origin_lat, origin_lon, dest_lat, dest_lon);
                DROP INDEX loads_pickup;
                """)
        }
        // The board keeps text and radius row sets while their tables are unchanged; a GPS or
        // status change must not drop them, so the search triggers count their own changes.
        migrator.registerMigration("v5") { db in
            try Mirror.addSearchVersion(db)
        }
        // Radius lists from indexed quarter-degree cells instead of R*Trees: two to three times
        // faster to read on 1M loads, and cheaper to keep up to date on every synced write.
        migrator.registerMigration("v6") { db in
            try Mirror.addGeoCells(db)
        }
        // A state or an equipment filter along the default order tests the other one inside the
        // index, where SQLite reads it before the row: TX vans by pickup on 1M loads went from
        // 2 ms to 0.2 ms in SQLite (463 row reads to 50), and Vermont vans from 74 ms to 3 ms.
        // On a large mirror they are built after opening, like a snapshot's deferred indexes.
        migrator.registerMigration("v7") { db in
            try SnapshotIndexes.redefine(db, "CREATE INDEX loads_state_pickup ON loads(origin_state, pickup_at, id, equipment)")
            try SnapshotIndexes.redefine(db, "CREATE INDEX loads_equipment_pickup ON loads(equipment, pickup_at, id, origin_state)")
        }
        // Multi-stop loads: the board shows how many stops lie between the first pickup and the last delivery.
        migrator.registerMigration("v8") { db in
            try db.execute(sql: "ALTER TABLE loads ADD COLUMN stop_count INTEGER NOT NULL DEFAULT 2")
            try db.execute(sql: """
                UPDATE loads SET stop_count = json_array_length(body, '$.stops') WHERE json_array_length(body, '$.stops') <> 2
                """)
        }
        // The payments pane pages payouts and invoices by keyset, newest first, as the board
        // pages loads: the id breaks ties of one date, and a status filter reads its own index.
        migrator.registerMigration("v9") { db in
            try SnapshotIndexes.redefine(db, "CREATE INDEX payouts_due ON payouts(due_at, id)")
            try SnapshotIndexes.redefine(db, "CREATE INDEX payouts_status_due ON payouts(status, due_at, id)")
            try SnapshotIndexes.redefine(db, "CREATE INDEX invoices_issued ON invoices(issued_at, id)")
        }
        return migrator
    }
}
