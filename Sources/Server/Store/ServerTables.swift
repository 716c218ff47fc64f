/// The server's entity tables, as both stores' migrations name them.
enum ServerTables {
    /// Each has `id` (unique across organisations), `org`, `seq` and the wire JSON `body`.
    static let entities = ["carriers", "drivers", "loads", "events", "invoices", "payouts"]
}
