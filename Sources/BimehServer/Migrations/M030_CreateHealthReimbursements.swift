import Fluent

/// R-SH-08: a reimbursement file's health facts (the person, the cover, the cost, the base
/// insurer's share, side costs), and on the spent ceilings the file a reimbursement's spending
/// came from (R-SH-06: one ceiling whichever path).
struct M030_CreateHealthReimbursements: AsyncMigration {
    var name: String { "030_CreateHealthReimbursements" }

    func prepare(on database: any Database) async throws {
        try await database.schema("health_reimbursements")
            .id()
            .field("claim_id", .uuid, .required, .references("claims", "id"))
            .field("policy_id", .uuid, .required, .references("policies", "id"))
            .field("person_id", .uuid, .required, .references("health_persons", "id"))
            .field("national_code", .string, .required)
            .field("cover", .string, .required)
            .field("cost", .int64, .required)
            .field("base_paid", .int64, .required)
            .field("side_costs", .int64, .required)
            .unique(on: "claim_id")
            .create()
        // a plain column: SQLite adds no constraint with ALTER TABLE
        try await database.schema("health_claims").field("claim_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("health_claims").deleteField("claim_id").update()
        try await database.schema("health_reimbursements").delete()
    }
}
