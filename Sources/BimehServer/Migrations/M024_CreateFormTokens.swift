import Fluent

/// R-P-03: a money form rendered once is accepted once; Back and resubmit finds its token used.
struct M024_CreateFormTokens: AsyncMigration {
    var name: String { "024_CreateFormTokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema("form_tokens")
            .field("token", .string, .identifier(auto: false))
            .field("used_at", .datetime, .required)
            .field("user_id", .uuid)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("form_tokens").delete()
    }
}
