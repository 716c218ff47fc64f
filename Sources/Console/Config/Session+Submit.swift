import ArgumentParser
import Foundation
import Domain
import Sync

/// What became of an edit made from the command line.
struct Submission: Encodable {
    enum Outcome: String, Encodable {
        /// Queued; the server could not be reached, `dispatch sync` will deliver it.
        case pending
        case confirmed
        case rejected
    }
    var mutationId: Int64
    var outcome: Outcome
    var summary: String
    var message: String
    /// The id of a load the edit created (a post).
    var loadId: String?
}

extension Session {
    /// Syncs right away after an edit was queued, and says what happened in words: confirmed,
    /// refused with the server's reason, or still pending because the server is unreachable.
    func deliver(_ id: Int64, summary: String, confirmed: String) async -> Submission {
        do {
            let report = try await engine.syncOnce()
            if let refusal = report.rejected.first {
                return Submission(mutationId: id, outcome: .rejected, summary: summary,
                                  message: "refused by the server: \(refusal)")
            }
            return Submission(mutationId: id, outcome: .confirmed, summary: summary, message: confirmed)
        } catch {
            return Submission(mutationId: id, outcome: .pending, summary: summary,
                              message: "queued #\(id): \(summary); offline (\(ConsoleError.wrap(error))): it will sync with `dispatch sync`")
        }
    }

    /// Queues `mutation` under the local rules, then delivers it.
    func submit(_ mutation: Mutation, confirmed: String) async throws -> Submission {
        let id: Int64
        do {
            id = try await mirror.enqueue(mutation, by: config.actor)
        } catch {
            throw ConsoleError.wrap(error)
        }
        return await deliver(id, summary: mutation.summary, confirmed: confirmed)
    }
}

extension Submission {
    /// Prints it as a line or JSON; a refusal exits with status 2 like `dispatch sync`.
    func report(json: Bool) throws {
        if json {
            emit(String(decoding: try JSONEncoder.wire.encode(self), as: UTF8.self))
        } else {
            emit(message)
        }
        if outcome == .rejected { throw ExitCode(2) }
    }
}
