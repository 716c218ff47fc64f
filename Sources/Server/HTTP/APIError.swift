import Foundation
import Hummingbird
import Domain
import Logging

/// Renders any failure as a JSON `ErrorBody`, so clients never parse HTML or plain text.
public struct APIError: HTTPResponseError {
    public let status: HTTPResponse.Status
    public let body: ErrorBody
    public var headers: HTTPFields = [:]

    public init(_ error: ServerError) {
        status = HTTPResponse.Status(code: error.status)
        body = error.body
    }

    public init(status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        body = ErrorBody(code: code, message: message)
    }

    /// A 429 whose `Retry-After` is `wait` rounded up to whole seconds (at least 1); `error` gets
    /// the same number for its sentence.
    static func retryLater(after wait: Double, _ error: (Int) -> ServerError) -> APIError {
        let seconds = max(1, Int(wait.rounded(.up)))
        var response = APIError(error(seconds))
        response.headers[.retryAfter] = String(seconds)
        return response
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        let data = (try? JSONEncoder.wire.encode(body)) ?? Data()
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Turns Hummingbird's own errors (404 route, 413 body) and unexpected failures into JSON bodies.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as ServerError {
            throw APIError(error)
        } catch let error as HTTPError {
            let message = error.body ?? error.status.reasonPhrase
            let code = error.status == .contentTooLarge ? "payload_too_large"
                : error.status == .notFound ? "not_found" : "http_\(error.status.code)"
            throw APIError(status: error.status, code: code, message: message)
        } catch {
            context.logger.error("request failed: \(error)")
            throw APIError(status: .internalServerError, code: "internal", message: "internal server error")
        }
    }
}
