import Vapor

/// `Authorization: Bearer <token>` for the API.
struct BearerAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization,
           let principal = try await Credentials.principal(secret: bearer.token, kind: .api, now: request.bimeh.clock.now(),
                                                           on: request.db, cache: request.bimeh.principals) {
            request.auth.login(principal)
        }
        return try await next.respond(to: request)
    }
}

/// The `bimeh_session` cookie for web pages.
struct SessionAuthenticator: AsyncMiddleware {
    static let cookieName = "bimeh_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let secret = request.cookies[Self.cookieName]?.string,
           let principal = try await Credentials.principal(secret: secret, kind: .web, now: request.bimeh.clock.now(), on: request.db) {
            request.auth.login(principal)
        }
        return try await next.respond(to: request)
    }
}

/// Lets through only signed-in users of the given roles. API callers get 401/403;
/// web visitors who are not signed in are sent to the login page.
struct RequireRole: AsyncMiddleware {
    let roles: Set<Role>
    let web: Bool

    init(_ roles: Set<Role>, web: Bool = false) {
        self.roles = roles
        self.web = web
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let principal = request.auth.get(Principal.self) else {
            if web {
                let back = request.url.path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "/"
                return request.redirect(to: "\(WebPath.login)?next=\(back)")
            }
            throw AppError.unauthenticated
        }
        guard roles.contains(principal.role) else { throw AppError.forbidden }
        return try await next.respond(to: request)
    }
}

/// Every web form POST must carry the session's CSRF token in `_csrf`.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST {
            // the token is in the body: a browser may send the body after the headers, in a later
            // read, so collect it before reading — within the routes' limit, or for an upload route
            // up to the largest upload limit (UploadLimit), the route judging it by its own limit
            if request.body.data == nil {
                let file = request.headers.contentType == .formData && UploadLimit.of(request) != nil
                let limit = file ? UploadLimit.ceiling(request.application) : request.application.routes.defaultMaxBodySize.value
                do {
                    _ = try await request.body.collect(max: limit).get()
                } catch let abort as any AbortError where file && abort.status == .payloadTooLarge {
                    throw AppError.fileTooLarge(limitBytes: UploadLimit.of(request))
                }
            }
            let sent = (try? request.content.get(String.self, at: "_csrf")) ?? ""
            guard let expected = request.auth.get(Principal.self)?.csrfToken, Secrets.constantTimeEquals(sent, expected) else {
                throw AppError(.forbidden, code: "csrf-failed", detail: "فرم منقضی شده یا از جای دیگری ارسال شده است. صفحه را دوباره باز کنید و بفرستید.")
            }
        }
        return try await next.respond(to: request)
    }
}
