import Fluent

struct M003_CreateAuthTokens: AsyncMigration {
    var name: String { "003_CreateAuthTokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema("auth_tokens")
            .id()
            .field("kind", .string, .required)
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("csrf_token", .string)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("auth_tokens").delete()
    }
}
