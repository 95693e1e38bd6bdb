import Fluent
import SQLKit

/// R-GL-04…06: the members of a group life contract, numbered 1…n, each with its underwriting.
struct M036_CreateGroupLifeMembers: AsyncMigration {
    var name: String { "036_CreateGroupLifeMembers" }

    func prepare(on database: any Database) async throws {
        try await database.schema("group_life_members")
            .id()
            .field("policy_id", .uuid, .required, .references("policies", "id"))
            .field("row", .int, .required)
            .field("first_name", .string, .required)
            .field("last_name", .string, .required)
            .field("birth_date", .string, .required)
            .field("birth_certificate_number", .string, .required)
            .field("place_of_issue", .string, .required)
            .field("job_title", .string, .required)
            .field("national_code", .string)
            .field("underwriting", .string, .required)
            .field("status", .string, .required)
            .field("extra_percent", .string)
            .unique(on: "policy_id", "row")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("group_life_members").delete()
    }
}
