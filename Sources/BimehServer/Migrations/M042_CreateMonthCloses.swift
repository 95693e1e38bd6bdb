import Fluent

/// R-RP-02: closed months, and the aggregates each close froze (what a closed month's reports
/// read from then on).
struct M042_CreateMonthCloses: AsyncMigration {
    var name: String { "042_CreateMonthCloses" }

    func prepare(on database: any Database) async throws {
        try await database.schema("month_closes")
            .id()
            .field("month", .int, .required)
            .field("closed_at", .datetime, .required)
            .field("closed_by", .uuid, .references("users", "id"))
            .field("entries", .int, .required)
            .unique(on: "month")
            .create()
        try await database.schema("frozen_figures")
            .id()
            .field("month", .int, .required)
            .field("kind", .string, .required)
            .field("department", .string, .required)
            .field("agency", .string, .required)
            .field("product", .string, .required)
            .field("count", .int, .required)
            .field("amount", .int64, .required)
            .unique(on: "month", "kind", "department", "agency", "product")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("frozen_figures").delete()
        try await database.schema("month_closes").delete()
    }
}
