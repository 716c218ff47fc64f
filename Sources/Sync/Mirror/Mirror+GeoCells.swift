import GRDB

/// Schema v6: radius filters read quarter-degree cells (`GeoCells`) from indexed generated
/// columns of `loads`, and the R*Trees are gone.
extension Mirror {
    /// The search triggers since v6: the full-text index follows the text columns as before, and
    /// `search_version` counts every change a kept row set could depend on. Those are the text, a
    /// stop's cell and the equipment, which the radius lists test in the cell index. A move within
    /// a cell, a status or a rate keeps every set.
    static let searchTriggers = """
        CREATE TRIGGER loads_search_insert AFTER INSERT ON loads BEGIN
            INSERT INTO loads_fts(rowid, reference, shipper, commodity, origin_city, dest_city)
                VALUES (new.rowid, new.reference, new.shipper, new.commodity, new.origin_city, new.dest_city);
            UPDATE search_version SET n = n + 1;
        END;
        CREATE TRIGGER loads_search_delete AFTER DELETE ON loads BEGIN
            INSERT INTO loads_fts(loads_fts, rowid, reference, shipper, commodity, origin_city, dest_city)
                VALUES ('delete', old.rowid, old.reference, old.shipper, old.commodity, old.origin_city, old.dest_city);
            UPDATE search_version SET n = n + 1;
        END;
        CREATE TRIGGER loads_search_place AFTER UPDATE OF origin_lat, origin_lon, dest_lat, dest_lon, equipment ON loads
            WHEN old.origin_cell IS NOT new.origin_cell OR old.dest_cell IS NOT new.dest_cell
                OR old.equipment IS NOT new.equipment BEGIN
            UPDATE search_version SET n = n + 1;
        END;
        CREATE TRIGGER loads_search_text AFTER UPDATE OF reference, shipper, commodity, origin_city, dest_city ON loads
            WHEN old.reference IS NOT new.reference OR old.shipper IS NOT new.shipper OR old.commodity IS NOT new.commodity
                OR old.origin_city IS NOT new.origin_city OR old.dest_city IS NOT new.dest_city BEGIN
            INSERT INTO loads_fts(loads_fts, rowid, reference, shipper, commodity, origin_city, dest_city)
                VALUES ('delete', old.rowid, old.reference, old.shipper, old.commodity, old.origin_city, old.dest_city);
            INSERT INTO loads_fts(rowid, reference, shipper, commodity, origin_city, dest_city)
                VALUES (new.rowid, new.reference, new.shipper, new.commodity, new.origin_city, new.dest_city);
            UPDATE search_version SET n = n + 1;
        END
        """

    /// Migration v6: the cell columns and their indexes replace the R*Trees.
    static func addGeoCells(_ db: Database) throws {
        for name in searchTriggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
        try db.execute(sql: """
            DROP TABLE IF EXISTS loads_origin_geo;
            DROP TABLE IF EXISTS loads_dest_geo;
            ALTER TABLE loads ADD COLUMN origin_cell INTEGER AS (\(GeoCells.expression("origin"))) VIRTUAL;
            ALTER TABLE loads ADD COLUMN dest_cell INTEGER AS (\(GeoCells.expression("dest"))) VIRTUAL;
            CREATE INDEX loads_origin_cell ON loads(origin_cell, equipment);
            CREATE INDEX loads_dest_cell ON loads(dest_cell, equipment);
            UPDATE search_version SET n = n + 1;
            """)
        // A snapshot cut short by a crash left the triggers dropped; its end makes them.
        if try state(db, searchSuspendedKey) == nil { try db.execute(sql: searchTriggers) }
    }
}
