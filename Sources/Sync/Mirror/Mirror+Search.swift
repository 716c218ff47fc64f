import GRDB
import Foundation

/// The board's search structures (schema v2): coordinates and text columns on `loads`, an R*Tree per
/// stop end for radius filters (cells since v6, `Mirror+GeoCells.swift`), and an FTS5 index over
/// reference, shipper, commodity and cities.
///
/// Triggers keep them in step with `loads`, so every write path (pull, rebase, optimistic edit)
/// stays correct without knowing about them. A snapshot drops the triggers and rebuilds the
/// derived tables once at its end, as it does with indexes.
extension Mirror {
    /// The triggers as migration v2 made them (never edited: v2 runs them on a new mirror).
    static let searchTriggersV2 = """
        CREATE TRIGGER loads_search_insert AFTER INSERT ON loads BEGIN
            INSERT INTO loads_origin_geo VALUES (new.rowid, new.origin_lat, new.origin_lat, new.origin_lon, new.origin_lon);
            INSERT INTO loads_dest_geo VALUES (new.rowid, new.dest_lat, new.dest_lat, new.dest_lon, new.dest_lon);
            INSERT INTO loads_fts(rowid, reference, shipper, commodity, origin_city, dest_city)
                VALUES (new.rowid, new.reference, new.shipper, new.commodity, new.origin_city, new.dest_city);
        END;
        CREATE TRIGGER loads_search_delete AFTER DELETE ON loads BEGIN
            DELETE FROM loads_origin_geo WHERE id = old.rowid;
            DELETE FROM loads_dest_geo WHERE id = old.rowid;
            INSERT INTO loads_fts(loads_fts, rowid, reference, shipper, commodity, origin_city, dest_city)
                VALUES ('delete', old.rowid, old.reference, old.shipper, old.commodity, old.origin_city, old.dest_city);
        END;
        CREATE TRIGGER loads_search_origin AFTER UPDATE OF origin_lat, origin_lon ON loads
            WHEN old.origin_lat IS NOT new.origin_lat OR old.origin_lon IS NOT new.origin_lon BEGIN
            UPDATE loads_origin_geo SET min_lat = new.origin_lat, max_lat = new.origin_lat,
                min_lon = new.origin_lon, max_lon = new.origin_lon WHERE id = new.rowid;
        END;
        CREATE TRIGGER loads_search_dest AFTER UPDATE OF dest_lat, dest_lon ON loads
            WHEN old.dest_lat IS NOT new.dest_lat OR old.dest_lon IS NOT new.dest_lon BEGIN
            UPDATE loads_dest_geo SET min_lat = new.dest_lat, max_lat = new.dest_lat,
                min_lon = new.dest_lon, max_lon = new.dest_lon WHERE id = new.rowid;
        END;
        CREATE TRIGGER loads_search_text AFTER UPDATE OF reference, shipper, commodity, origin_city, dest_city ON loads
            WHEN old.reference IS NOT new.reference OR old.shipper IS NOT new.shipper OR old.commodity IS NOT new.commodity
                OR old.origin_city IS NOT new.origin_city OR old.dest_city IS NOT new.dest_city BEGIN
            INSERT INTO loads_fts(loads_fts, rowid, reference, shipper, commodity, origin_city, dest_city)
                VALUES ('delete', old.rowid, old.reference, old.shipper, old.commodity, old.origin_city, old.dest_city);
            INSERT INTO loads_fts(rowid, reference, shipper, commodity, origin_city, dest_city)
                VALUES (new.rowid, new.reference, new.shipper, new.commodity, new.origin_city, new.dest_city);
        END
        """

    /// The triggers v5 made: the same, each also counting the change in `search_version`, so
    /// the board's row sets know when text or coordinates changed and nothing else did.
    static let searchTriggersV5 = searchTriggersV2.replacingOccurrences(
        of: ";\nEND", with: ";\n    UPDATE search_version SET n = n + 1;\nEND")

    /// Migration v5: the change counter and the triggers that keep it.
    static func addSearchVersion(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE search_version(n INTEGER NOT NULL); INSERT INTO search_version VALUES (0)")
        for name in searchTriggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
        try db.execute(sql: searchTriggersV5)
    }

    /// Counts a change of the search tables' rows (read by `RowSetStore` in the same snapshot).
    static func searchVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT n FROM search_version") ?? 0
    }

    /// The R*Trees as v2 made them; `rebuildSearchV2` makes them anew.
    static let geoTables = """
        CREATE VIRTUAL TABLE loads_origin_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);
        CREATE VIRTUAL TABLE loads_dest_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);
        """

    /// Every search trigger any version made, so each can be dropped whichever version made it.
    static let searchTriggerNames = ["loads_search_insert", "loads_search_delete", "loads_search_origin",
                                     "loads_search_dest", "loads_search_place", "loads_search_text"]

    /// Migration v2: the columns, filled from the stored JSON, then the derived tables and triggers.
    static func addSearchColumns(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE loads ADD COLUMN shipper TEXT NOT NULL DEFAULT '';
            ALTER TABLE loads ADD COLUMN commodity TEXT NOT NULL DEFAULT '';
            ALTER TABLE loads ADD COLUMN origin_lat REAL NOT NULL DEFAULT 0;
            ALTER TABLE loads ADD COLUMN origin_lon REAL NOT NULL DEFAULT 0;
            ALTER TABLE loads ADD COLUMN dest_lat REAL NOT NULL DEFAULT 0;
            ALTER TABLE loads ADD COLUMN dest_lon REAL NOT NULL DEFAULT 0;
            UPDATE loads SET
                shipper = coalesce(json_extract(body, '$.shipper'), ''),
                commodity = coalesce(json_extract(body, '$.commodity'), ''),
                origin_lat = coalesce(json_extract(body, '$.stops[0].lat'), 0),
                origin_lon = coalesce(json_extract(body, '$.stops[0].lon'), 0),
                dest_lat = coalesce(json_extract(body, '$.stops[#-1].lat'), 0),
                dest_lon = coalesce(json_extract(body, '$.stops[#-1].lon'), 0);
            CREATE INDEX loads_posted ON loads(posted_at, id);
            CREATE INDEX invoices_load ON invoices(load_id);
            CREATE INDEX payouts_load ON payouts(load_id);
            CREATE VIRTUAL TABLE loads_origin_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);
            CREATE VIRTUAL TABLE loads_dest_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);
            CREATE VIRTUAL TABLE loads_fts USING fts5(
                reference, shipper, commodity, origin_city, dest_city,
                content = 'loads', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
            """)
        try rebuildSearchV2(db)
        try db.execute(sql: searchTriggersV2)
    }

    /// Fills the full-text index from `loads` in bulk (after a snapshot). Since v6 the radius
    /// cells are generated columns with ordinary indexes, which the snapshot rebuilds with the rest.
    static func rebuildSearch(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO loads_fts(loads_fts) VALUES ('rebuild')")
    }

    /// What `rebuildSearch` did before v6, when migration v2 fills the tables it makes (never edited).
    /// The R*Trees are made anew: deleting 100,000 entries one by one took 2.5 s.
    static func rebuildSearchV2(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE loads_origin_geo;
            DROP TABLE loads_dest_geo;
            \(geoTables)
            INSERT INTO loads_origin_geo SELECT rowid, origin_lat, origin_lat, origin_lon, origin_lon FROM loads;
            INSERT INTO loads_dest_geo SELECT rowid, dest_lat, dest_lat, dest_lon, dest_lon FROM loads;
            INSERT INTO loads_fts(loads_fts) VALUES ('rebuild');
            """)
    }

    /// While a snapshot streams in, rows go into `loads` alone; `restoreSearch` catches up once.
    static func suspendSearch(_ db: Database) throws {
        for name in searchTriggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
        try setState(db, searchSuspendedKey, "1")
    }

    static func restoreSearch(_ db: Database) throws {
        guard try state(db, searchSuspendedKey) != nil else { return }
        try rebuildSearch(db)
        try db.execute(sql: "UPDATE search_version SET n = n + 1")
        for name in searchTriggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
        try db.execute(sql: searchTriggers)
        try setState(db, searchSuspendedKey, nil)
    }

    static let searchSuspendedKey = "search_suspended"
}
