import Vapor

struct AuthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.api(.authToken), use: issue)
        routes.grouped(RequireRole(Set(Role.allCases))).delete(.api(.authToken), use: revoke)
    }

    struct TokenRequest: StrictRequestBody {
        static let fields: Set<String> = ["username", "password"]
        var username: String
        var password: String
    }

    struct TokenResponse: Content {
        var token: String
        var expiresAt: Date
    }

    @Sendable func issue(req: Request) async throws -> TokenResponse {
        let body = try req.decodeStrict(TokenRequest.self)
        guard body.username.utf8.count <= 100, body.password.utf8.count <= 200 else {
            throw AppError(.unauthorized, code: "invalid-credentials", detail: "نام کاربری یا گذرواژه نادرست است.")
        }
        let user = try await Credentials.signIn(username: body.username, password: body.password, on: req)
        let lifetime = req.bimeh.config.apiTokenLifetime
        let issued = try await req.bimeh.store.write(on: req.db, actor: AuditActor(userID: user.id, name: user.username), requestID: req.id) { work in
            let result = try await Credentials.issue(.api, for: user, lifetime: lifetime, in: work)
            return TokenResponse(token: result.secret, expiresAt: result.token.expiresAt)
        }
        return issued
    }

    /// Signs out: the presented token stops working at once.
    @Sendable func revoke(req: Request) async throws -> HTTPStatus {
        let tokenID = try req.principal.tokenID
        try await req.write { work in try await Credentials.revoke(tokenID: tokenID, in: work) }
        req.bimeh.principals.remove(tokenID: tokenID)
        return .noContent
    }
}
