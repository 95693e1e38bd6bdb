import Vapor

/// Sign-in and sign-out for the web. The sign-in form, which has no session yet, is protected
/// against CSRF by a double-submit cookie; every later form uses the session's token.
struct LoginPages: RouteCollection {
    static let loginCSRFCookie = "bimeh_login_csrf"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.login, use: form)
        routes.post(.login, use: login)
        routes.grouped(RequireRole(Set(Role.allCases), web: true)).grouped(CSRFMiddleware()).post(.logout, use: logout)
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var csrf: String
        var username: String
        var next: String
        var error: String?
    }

    @Sendable func form(req: Request) async throws -> Response {
        if req.auth.has(Principal.self) { return req.redirect(to: WebPath.home) }
        return try await render(req, username: "", error: nil, status: .ok)
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
        var _csrf: String?
    }

    @Sendable func login(req: Request) async throws -> Response {
        let form = (try? req.content.decode(LoginForm.self)) ?? LoginForm()
        let cookie = req.cookies[Self.loginCSRFCookie]?.string ?? ""
        guard !cookie.isEmpty, Secrets.constantTimeEquals(cookie, form._csrf ?? "") else {
            return try await render(req, username: form.username ?? "", error: "فرم منقضی شده است؛ دوباره وارد شوید.", status: .forbidden)
        }
        let username = String((form.username ?? "").prefix(100)), password = String((form.password ?? "").prefix(200))
        let user: User
        do {
            user = try await Credentials.signIn(username: username, password: password, on: req)
        } catch let error as AppError where error.status == .unauthorized || error.status == .tooManyRequests {
            // throttled, locked or wrong: the form again with the Persian reason and the error's headers (the wait)
            let response = try await render(req, username: username, error: error.detail, status: error.status)
            for (name, value) in error.headers {
                response.headers.remove(name: name)
                response.headers.add(name: name, value: value)
            }
            return response
        }
        let config = req.bimeh.config
        let issued = try await req.bimeh.store.write(on: req.db, actor: AuditActor(userID: user.id, name: user.username), requestID: req.id) { work in
            try await Credentials.issue(.web, for: user, lifetime: config.webSessionLifetime, in: work)
        }
        let response = req.redirect(to: Self.safeNext(form.next))
        // Max-Age, not Expires: the demo clock may put "now" months away from the browser's clock.
        response.cookies[SessionAuthenticator.cookieName] = HTTPCookies.Value(
            string: issued.secret, maxAge: Int(config.webSessionLifetime), path: "/", isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
        // expired on the path it was set with, or the browser keeps the old one
        response.cookies[Self.loginCSRFCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: WebPath.login,
                                                                  isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    @Sendable func logout(req: Request) async throws -> Response {
        let tokenID = try req.principal.tokenID
        try await req.write { work in try await Credentials.revoke(tokenID: tokenID, in: work) }
        let response = req.redirect(to: WebPath.login)
        response.cookies[SessionAuthenticator.cookieName] = .expired
        return response
    }

    private func render(_ req: Request, username: String, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let csrf = Secrets.random()
        let next = Self.safeNext(req.query[String.self, at: "next"] ?? (try? req.content.get(String.self, at: "next")))
        let context = Context(chrome: PageChrome(req, title: "ورود"), csrf: csrf, username: username, next: next, error: error)
        let response = try await req.page("login", context, status: status)
        response.cookies[Self.loginCSRFCookie] = HTTPCookies.Value(
            string: csrf, path: WebPath.login, isSecure: req.bimeh.config.secureCookies, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    /// Only a path on this site: never `//evil.example` or a full URL. No space or control
    /// character anywhere: browsers drop a tab or newline from a URL, so `/<TAB>/evil.example`
    /// would become `//evil.example`.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.count < 300,
              next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return WebPath.home }
        return next
    }
}
