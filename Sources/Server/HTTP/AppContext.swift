import Hummingbird
import Domain

/// The request context: who is calling, set by `AuthMiddleware`.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var actor: Actor?
    /// The peer's IP address, for the login throttle (nil in tests without a channel).
    public var remoteAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        actor = nil
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Push bodies above this are refused with 413 before decoding.
    public var maxUploadSize: Int { 1 << 20 }

    func requireActor() throws -> Actor {
        guard let actor else { throw APIError(ServerError.unauthorized) }
        return actor
    }
}
