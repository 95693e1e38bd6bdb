import Fluent
import Foundation

/// Someone who signs in: staff, an agent (tied to one agency), a provider or a customer.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    // data fields
    @Field(key: "username") var username: String
    @Field(key: "password_hash") var passwordHash: String
    @Enum(key: "role") var role: Role
    @Field(key: "display_name") var displayName: String
    @Field(key: "active") var active: Bool
    // relationships
    @OptionalParent(key: "agency_id") var agency: Agency?

    init() {}
    init(id: UUID? = nil, username: String, passwordHash: String, role: Role, displayName: String, agencyID: UUID? = nil) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.role = role
        self.displayName = displayName
        self.active = true
        self.$agency.id = agencyID
    }
}

/// A bearer token (API) or a web session; only the SHA-256 of the secret is stored,
/// so a copy of the database does not let anyone sign in.
final class AuthToken: Model, @unchecked Sendable {
    static let schema = "auth_tokens"

    enum Kind: String, Codable, Sendable { case api, web }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    // data fields
    @Enum(key: "kind") var kind: Kind
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    /// Web sessions only: the token every form must echo back (CSRF).
    @OptionalField(key: "csrf_token") var csrfToken: String?
    // relationships
    @Parent(key: "user_id") var user: User

    init() {}
    init(kind: Kind, tokenHash: String, userID: UUID, expiresAt: Date, csrfToken: String? = nil) {
        self.kind = kind
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.expiresAt = expiresAt
        self.csrfToken = csrfToken
    }
}
