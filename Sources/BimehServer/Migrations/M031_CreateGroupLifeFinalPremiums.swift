import Fluent
import SQLKit

/// R-GL-07/08: the final premium a group life contract took, once, with its endorsement.
struct M031_CreateGroupLifeFinalPremiums: AsyncMigration {
    var name: String { "031_CreateGroupLifeFinalPremiums" }

    func prepare(on database: any Database) async throws {
        try await database.schema("group_life_final_premiums")
            .id()
            .field("policy_id", .uuid, .required, .references("policies", "id"))
            .field("endorsement_id", .uuid, .required, .references("endorsements", "id"))
            .field("registered", .int64, .required)
            .field("total", .int64, .required)
            .field("lines", .string, .required)
            .field("admitted", .int, .required)
            .field("pending", .int, .required)
            .field("declined", .int, .required)
            .field("settled_on", .string, .required)
            .unique(on: "policy_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("group_life_final_premiums").delete()
    }
}
