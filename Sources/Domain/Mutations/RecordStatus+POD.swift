import Foundation

extension Mutation.RecordStatus {
    /// Longest signer name accepted (a printed name, not a document).
    public static let maxSignerLength = 60

    /// Why a proof-of-delivery signer name is not acceptable, or nil when it is.
    /// The console checks it before queueing; the mutator refuses the same on both sides.
    public static func signerProblem(_ name: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "the signer's name is required for proof of delivery" }
        if trimmed.count > maxSignerLength { return "the signer's name is at most \(maxSignerLength) characters" }
        if trimmed.contains(where: { $0.isNewline }) { return "the signer's name is one line" }
        return nil
    }
}
