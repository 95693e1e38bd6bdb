import Vapor

/// The signed-in user of a request, with what the role checks and agency scoping need.
struct Principal: Authenticatable, Sendable {
    let userID: UUID
    let username: String
    let displayName: String
    let role: Role
    /// Set for agents: they see only this agency's records.
    let agencyID: UUID?
    let tokenID: UUID
    /// Web sessions only.
    let csrfToken: String?
}

extension Request {
    /// The signed-in user; routes behind `RequireRole` always have one.
    var principal: Principal {
        get throws {
            guard let principal = auth.get(Principal.self) else { throw AppError.unauthenticated }
            return principal
        }
    }
}
