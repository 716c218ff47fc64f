import Hummingbird

/// Answers a method a declared path does not take (any method, `QUERY` and made-up ones
/// included) with 405, the `Allow` header and the JSON error body, before authentication: a
/// path's methods are no secret. Unknown paths go on to the router's 404.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Path ▶ the methods it takes (HEAD with GET: Hummingbird answers it as the GET).
    let allowed: [String: [HTTPRequest.Method]]

    init(declared: [(path: String, methods: [HTTPRequest.Method])]) {
        var allowed: [String: [HTTPRequest.Method]] = [:]
        for (path, methods) in declared {
            allowed[path] = methods + (methods.contains(.get) ? [.head] : [])
        }
        self.allowed = allowed
    }

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let methods = allowed[request.uri.path], !methods.contains(request.method) else {
            return try await next(request, context)
        }
        var error = APIError(ServerError.methodNotAllowed(method: request.method.rawValue, allowed: methods.map(\.rawValue)))
        error.headers[.allow] = methods.map(\.rawValue).joined(separator: ", ")
        throw error
    }
}
