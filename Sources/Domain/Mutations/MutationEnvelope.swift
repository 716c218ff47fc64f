import Foundation

/// A mutation as it travels: the client's sequence number, the name and the arguments.
///
/// Decoding checks the name and the argument types, so a malformed push is
/// refused as a whole before anything is applied.
public struct MutationEnvelope: Codable, Sendable, Hashable {
    /// Increases by one per client; the server applies n+1 only after n.
    public var id: Int64
    public var mutation: Mutation
    /// When the user made the edit (seconds since 1970).
    public var createdAt: Int64

    public init(id: Int64, mutation: Mutation, createdAt: Int64) {
        self.id = id
        self.mutation = mutation
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey { case id, name, args, createdAt }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        createdAt = try c.decodeIfPresent(Int64.self, forKey: .createdAt) ?? 0
        let name = try c.decode(String.self, forKey: .name)
        switch name {
        case "assignLoad": mutation = .assignLoad(try c.decode(Mutation.AssignLoad.self, forKey: .args))
        case "unassignLoad": mutation = .unassignLoad(try c.decode(Mutation.UnassignLoad.self, forKey: .args))
        case "recordStatus": mutation = .recordStatus(try c.decode(Mutation.RecordStatus.self, forKey: .args))
        case "addNote": mutation = .addNote(try c.decode(Mutation.AddNote.self, forKey: .args))
        case "approvePayout": mutation = .approvePayout(try c.decode(Mutation.PayoutAction.self, forKey: .args))
        case "holdPayout": mutation = .holdPayout(try c.decode(Mutation.PayoutAction.self, forKey: .args))
        case "requestQuickPay": mutation = .requestQuickPay(try c.decode(Mutation.PayoutAction.self, forKey: .args))
        case "postLoad": mutation = .postLoad(try c.decode(Mutation.PostLoad.self, forKey: .args))
        case "editLoad": mutation = .editLoad(try c.decode(Mutation.EditLoad.self, forKey: .args))
        case "cancelLoad": mutation = .cancelLoad(try c.decode(Mutation.CancelLoad.self, forKey: .args))
        case "tenderLoad": mutation = .tenderLoad(try c.decode(Mutation.TenderLoad.self, forKey: .args))
        case "checkCall": mutation = .checkCall(try c.decode(Mutation.RecordCheckCall.self, forKey: .args))
        case "addCarrier": mutation = .addCarrier(try c.decode(Mutation.AddCarrier.self, forKey: .args))
        case "markCarrier": mutation = .markCarrier(try c.decode(Mutation.MarkCarrier.self, forKey: .args))
        case "addDriver": mutation = .addDriver(try c.decode(Mutation.AddDriver.self, forKey: .args))
        case "setDriverDuty": mutation = .setDriverDuty(try c.decode(Mutation.SetDriverDuty.self, forKey: .args))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .name, in: c,
                debugDescription: "unknown mutation '\(name)'; known: \(Mutation.names.joined(separator: ", "))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(mutation.name, forKey: .name)
        try c.encode(createdAt, forKey: .createdAt)
        switch mutation {
        case .assignLoad(let a): try c.encode(a, forKey: .args)
        case .unassignLoad(let u): try c.encode(u, forKey: .args)
        case .recordStatus(let r): try c.encode(r, forKey: .args)
        case .addNote(let n): try c.encode(n, forKey: .args)
        case .approvePayout(let p), .holdPayout(let p), .requestQuickPay(let p): try c.encode(p, forKey: .args)
        case .postLoad(let p): try c.encode(p, forKey: .args)
        case .editLoad(let e): try c.encode(e, forKey: .args)
        case .cancelLoad(let x): try c.encode(x, forKey: .args)
        case .tenderLoad(let t): try c.encode(t, forKey: .args)
        case .checkCall(let k): try c.encode(k, forKey: .args)
        case .addCarrier(let a): try c.encode(a, forKey: .args)
        case .markCarrier(let m): try c.encode(m, forKey: .args)
        case .addDriver(let d): try c.encode(d, forKey: .args)
        case .setDriverDuty(let d): try c.encode(d, forKey: .args)
        }
    }

    /// The arguments alone, as stored in an outbox.
    public func argsJSON() throws -> String {
        let data = try JSONEncoder.wire.encode(self)
        return String(decoding: data, as: UTF8.self)
    }
}
