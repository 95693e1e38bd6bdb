import Fluent
import SQLKit

/// R-SH-05/07: contracted centers and their provider users, introduction letters, and the direct
/// claims a center submits (what the insurer owes the center, month by month).
struct M027_CreateHealthCenters: AsyncMigration {
    var name: String { "027_CreateHealthCenters" }

    func prepare(on database: any Database) async throws {
        try await database.schema("health_centers")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("contracted", .bool, .required)
            .unique(on: "code")
            .create()
        try await database.schema("health_center_staff")
            .id()
            .field("center_id", .uuid, .required, .references("health_centers", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .unique(on: "user_id")
            .create()
        try await database.schema("health_introductions")
            .id()
            .field("number", .string, .required)
            .field("national_code", .string, .required)
            .field("center_id", .uuid, .required, .references("health_centers", "id"))
            .field("cover", .string, .required)
            .field("issued_on", .string, .required)
            .field("valid_to", .string, .required)
            .field("used_by_claim", .uuid)
            .field("created_by", .uuid, .references("users", "id"))
            .unique(on: "number")
            .create()
        try await database.schema("health_claims")
            .id()
            .field("policy_id", .uuid, .required, .references("policies", "id"))
            .field("person_id", .uuid, .required, .references("health_persons", "id"))
            .field("center_id", .uuid, .references("health_centers", "id"))
            .field("cover", .string, .required)
            .field("service_date", .string, .required)
            .field("month", .string, .required)
            .field("cost", .int64, .required)
            .field("base_paid", .int64, .required)
            .field("payable", .int64, .required)
            .field("insured_share", .int64, .required)
            .field("lines", .string, .required)
            .field("introduction_id", .uuid)
            .field("created_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "health_claims_person_cover_idx").on("health_claims").column("person_id").column("cover").run()
        try await sql.create(index: "health_claims_center_month_idx").on("health_claims").column("center_id").column("month").run()
        try await sql.create(index: "health_introductions_person_idx").on("health_introductions").column("national_code").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("health_claims").delete()
        try await database.schema("health_introductions").delete()
        try await database.schema("health_center_staff").delete()
        try await database.schema("health_centers").delete()
    }
}
