import Foundation
import GRDB
import Domain

/// Writing a load touches only what changed.
///
/// SQLite rewrites the entry of every index that covers a column named in an UPDATE's SET list,
/// whether or not the value changed. `loads` carries eighteen board indexes, so an upsert that
/// set every column rewrote all of them for a status change: delta apply fell from 59.6K to
/// 14.1K rows/s when the sort indexes arrived. Here the row is read first (one primary-key
/// lookup), an unchanged row is left alone, and the UPDATE names only the changed columns,
/// from a statement cached per set of columns.
extension MirrorRows {
    /// The columns after `id`, in the order `values(of:)` gives them.
    static let loadColumns = [
        "reference", "status", "equipment", "full_load", "weight", "length", "miles", "rate_cents", "rpm_cents",
        "posted_at", "origin_city", "origin_state", "origin_sort", "dest_city", "dest_state", "pickup_at",
        "driver_id", "carrier_id", "pending", "body", "shipper", "commodity", "origin_lat", "origin_lon",
        "dest_lat", "dest_lon", "stop_count",
    ]

    static func values(of load: LoadColumns, json: String, pending: Bool) -> [DatabaseValue] {
        let pickup = load.pickup
        let delivery = load.delivery
        let originCity = pickup?.city ?? ""
        let originState = pickup?.state ?? ""
        let values: [any DatabaseValueConvertible & Sendable] = [
            load.reference, load.status.rawValue, load.equipment, load.fullLoad, load.weightLbs, load.lengthFt,
            load.miles, load.rateCents, Load.ratePerMile(rateCents: load.rateCents, miles: load.miles), load.postedAt,
            originCity, originState, "\(originState) \(originCity)", delivery?.city ?? "", delivery?.state ?? "",
            pickup?.windowStart ?? 0, load.driverId.databaseValue, load.carrierId.databaseValue, pending, json,
            load.shipper, load.commodity, pickup?.lat ?? 0, pickup?.lon ?? 0, delivery?.lat ?? 0, delivery?.lon ?? 0,
            load.stops.count,
        ]
        return values.map(\.databaseValue)
    }

    /// Writes a load. `bulk` is for a snapshot, whose tables were emptied and whose indexes are
    /// dropped: nothing to compare against, so one upsert per row is cheapest. `writer` is the
    /// page's upsert (`PageWriters`), found once for all its loads.
    static func put(_ load: LoadColumns, json: String, pending: Bool, db: Database, bulk: Bool = false,
                    writer: RowWriter? = nil) throws {
        if bulk {
            try (writer ?? RowWriter(db, sql: upsertLoadSQL)).write { $0.load(load, json: json, pending: pending) }
            return
        }
        let existing = try db.cachedStatement(sql: selectLoadSQL)
        guard let row = try Row.fetchOne(existing, arguments: [load.id]) else {
            try (writer ?? RowWriter(db, sql: upsertLoadSQL)).write { $0.load(load, json: json, pending: pending) }
            return
        }
        let values = values(of: load, json: json, pending: pending)
        let changed = values.indices.filter { row[$0] as DatabaseValue != values[$0] }
        guard !changed.isEmpty else { return }
        let assignments = changed.map { "\(loadColumns[$0]) = ?" }.joined(separator: ", ")
        try db.cachedStatement(sql: "UPDATE loads SET \(assignments) WHERE id = ?")
            .execute(arguments: StatementArguments(changed.map { values[$0] } + [load.id.databaseValue]))
    }

    // Built once: the statement cache is keyed by SQL text, and building it per row cost a second per 100K loads.
    private static let selectLoadSQL = "SELECT \(loadColumns.joined(separator: ", ")) FROM loads WHERE id = ?"
    static let upsertLoadSQL = """
        INSERT INTO loads(id, \(loadColumns.joined(separator: ", ")))
        VALUES (\(Array(repeating: "?", count: loadColumns.count + 1).joined(separator: ", ")))
        ON CONFLICT(id) DO UPDATE SET \(loadColumns.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
        """
}
