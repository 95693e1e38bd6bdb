import Fluent

/// R-SH-07: a contracted center's monthly statement of direct claims, approved and paid by
/// accounting; an approved month takes no more claims.
struct M029_CreateHealthStatements: AsyncMigration {
    var name: String { "029_CreateHealthStatements" }

    func prepare(on database: any Database) async throws {
        try await database.schema("health_statements")
            .id()
            .field("center_id", .uuid, .required, .references("health_centers", "id"))
            .field("month", .string, .required)
            .field("count", .int, .required)
            .field("total", .int64, .required)
            .field("approved_on", .string, .required)
            .field("approved_by", .uuid, .references("users", "id"))
            .field("paid_on", .string)
            .field("transfer_reference", .string)
            .unique(on: "center_id", "month")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("health_statements").delete()
    }
}
