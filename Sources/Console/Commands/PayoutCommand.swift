import ArgumentParser
import Foundation
import Domain
import Sync

/// `dispatch payout approve|hold|quickpay ID`: the decision carries the amount and the carrier's
/// verdict shown here, and is refused by the server if either changed meanwhile.
struct PayoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payout", abstract: "Approve, hold or switch a carrier payout to QuickPay.")

    enum Verb: String, ExpressibleByArgument, CaseIterable {
        case approve, hold, quickpay
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "approve, hold or quickpay.") var verb: Verb
    @Argument(help: "Payout id, e.g. P-123.") var payout: String
    @Option(help: "Why the payout is held (required for hold).") var reason: String?
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws {
        if verb == .hold, (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("a hold needs --reason, e.g. --reason \"missing POD\"")
        }
    }

    func run() async throws {
        let session = try Session.open(global)
        let queries = MirrorQueries(mirror: session.mirror)
        let id = payout.uppercased()
        guard let current = try await queries.payout(id) else { throw ConsoleError.unknownPayout(id) }
        let carrier = try await queries.carrier(current.carrierId)
        let action = Mutation.PayoutAction(payout: current, carrier: carrier, key: UUID().uuidString.lowercased(),
                                           reason: reason)
        let payee = carrier?.name ?? current.carrierId
        let mutation: Mutation
        let confirmed: String
        switch verb {
        case .approve:
            mutation = .approvePayout(action)
            confirmed = "approved \(id): \(Money.dollars(current.netCents)) to \(payee) (confirmed by the server)"
        case .hold:
            mutation = .holdPayout(action)
            confirmed = "held \(id) for \(payee) (confirmed by the server)"
        case .quickpay:
            let fee = Payout.quickPayFee(on: current.amountCents)
            mutation = .requestQuickPay(action)
            confirmed = "\(id) switched to QuickPay: \(Money.dollars(current.amountCents - fee)) to \(payee) "
                + "after a \(Money.dollars(fee)) fee (confirmed by the server)"
        }
        let submission = try await session.submit(mutation, confirmed: confirmed)
        try submission.report(json: json)
    }
}
