import Domain

/// The backend's storage, behind which SQLite (one box) and later PostgreSQL (many boxes) sit.
///
/// Every method is one transaction: a pull page is read from one snapshot and
/// a push commits each mutation's effects together with the client's last
/// mutation id.
public protocol Store: Sendable {
    /// Checks a user's password and issues a bearer token.
    func login(user: String, password: String) async throws -> LoginResponse
    /// Revokes one bearer token (signing out); unknown tokens are ignored.
    func logout(token: String) async throws
    /// The actor a bearer token issued after `issuedAfter` (seconds since 1970) stands for, or nil
    /// if the token is unknown or older (expired).
    func authenticate(token: String, issuedAfter: Int64) async throws -> Actor?
    /// Rows changed in the actor's scope since `cursor`, at most about `limit` of them.
    func pull(actor: Actor, clientId: String?, cursor: String?, limit: Int) async throws -> PullPage
    /// The highest mutation id of `clientId` (belonging to `user`) such that it and every earlier
    /// one were consumed with their effects at or below `sequence` (a page's end), so a console
    /// that drops them from its outbox finds their effects in the page; 0 if none.
    func lastMutationId(clientId: String, user: String, asOf sequence: Int64) async throws -> Int64
    /// Applies mutations in order, exactly once per (clientId, mutation id).
    func push(actor: Actor, request: PushRequest, now: Int64) async throws -> PushResponse
    /// The newest change sequence number, for long-poll wake-ups.
    func currentSequence() async throws -> Int64
    /// Stores a batch of GPS pings and moves each driver's latest position (compacted in the feed).
    func ingest(actor: Actor, batch: PositionBatch, now: Int64) async throws -> PositionsResponse
    /// Deletes GPS history recorded before `cutoff`; returns how many pings went.
    func prunePositions(before cutoff: Int64) async throws -> Int
    /// Deletes tombstones and scope exits recorded before `cutoff` and moves the horizon.
    func pruneTombstones(before cutoff: Int64) async throws -> Int
    /// Throws unless the database answers (for `/ready`).
    func checkReady() async throws
}
