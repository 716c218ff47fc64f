import Domain

/// What a push must look like before any store opens a transaction for it: the same checks,
/// worded the same, whichever store applies it.
enum PushShape {
    /// - Throws: `bad_client_id` for an empty or over-long client id, `mutation_gap` when ids
    ///   in the push do not follow on, `bad_mutation_id` when they do not start at 1 or above.
    static func check(_ request: PushRequest) throws {
        guard !request.clientId.isEmpty, request.clientId.count <= 64 else {
            throw ServerError.badRequest(code: "bad_client_id", message: "clientId must be 1–64 characters")
        }
        let mutations = request.mutations
        for (previous, next) in zip(mutations, mutations.dropFirst()) where next.id != previous.id + 1 {
            throw ServerError.mutationGap(expected: previous.id + 1, got: next.id)
        }
        if let first = mutations.first, first.id < 1 {
            throw ServerError.badRequest(code: "bad_mutation_id", message: "mutation ids start at 1")
        }
    }
}
