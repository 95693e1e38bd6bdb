import Fluent
import SQLKit

/// The policies list finds a policy by the terms its product yields (a plate…), indexed.
struct M048_CreatePolicySearchTerms: AsyncMigration {
    var name: String { "048_CreatePolicySearchTerms" }

    func prepare(on database: any Database) async throws {
        try await database.schema("policy_search_terms")
            .id()
            .field("term", .string, .required)
            .field("policy_id", .uuid, .required, .references("policies", "id"))
            .unique(on: "policy_id", "term")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX policy_search_terms_term_idx ON policy_search_terms (term)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("policy_search_terms").delete()
    }
}
