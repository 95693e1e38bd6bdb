import Fluent

/// R-GL-10/12, R-IL-02: a life death claim's facts (the member or the insured, the cause, the
/// benefit basis), one per claim and one death per member. (The day a member left the list, which
/// a death claim checks, is M034's `removed_on`.)
struct M038_CreateLifeClaims: AsyncMigration {
    var name: String { "038_CreateLifeClaims" }

    func prepare(on database: any Database) async throws {
        try await database.schema("life_claims")
            .field("claim_id", .uuid, .identifier(auto: false), .references("claims", "id", onDelete: .cascade))
            .field("policy_id", .uuid, .required, .references("policies", "id"))
            .field("member_row", .int, .required)
            .field("member_name", .string)
            .field("cause", .string, .required)
            .field("cover_start", .string, .required)
            .field("sum_insured", .int64, .required)
            .field("accident_cover", .bool, .required)
            .unique(on: "policy_id", "member_row")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("life_claims").delete()
    }
}
