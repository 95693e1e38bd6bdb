import Vapor

/// Puts the request id (already in every log line's metadata by Vapor) on every response,
/// so that a user's complaint can be matched to the log.
struct RequestIDMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.set("X-Request-Id", request.id)
        return response
    }
}
