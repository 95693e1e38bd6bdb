import Fluent
import SQLKit

/// R-P-10, R-RP-02: the statistics store. One row per issued policy, endorsement, cancellation
/// and claim payment, in the month it counts in; a report is one indexed aggregate over
/// (month, kind), covered by its index (amount included).
struct M041_CreateStatisticsEntries: AsyncMigration {
    var name: String { "041_CreateStatisticsEntries" }

    func prepare(on database: any Database) async throws {
        try await database.schema("statistics_entries")
            .id()
            .field("month", .int, .required)
            .field("effect_month", .int, .required)
            .field("kind", .string, .required)
            .field("product", .string, .required)
            .field("family", .string, .required)
            .field("department", .string, .required)
            .field("agency", .string, .required)
            .field("agency_code", .string)
            .field("complex_code", .string, .required)
            .field("channel", .string, .required)
            .field("amount", .int64, .required)
            .field("document", .string, .required)
            .field("documents", .string, .required)
            .field("corrects", .string)
            .field("source_entity", .string, .required)
            .field("source_id", .uuid, .required)
            .field("policy_id", .uuid)
            .field("recorded_on", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX statistics_entries_month_kind_idx ON statistics_entries (month, kind, department, agency, product, amount)").run()
        try await sql.raw("CREATE INDEX statistics_entries_source_idx ON statistics_entries (source_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("statistics_entries").delete()
    }
}
