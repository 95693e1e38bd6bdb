import Fluent

/// R-RP-01, R-RP-04: a monthly report's workflow (draft → approved by accounting → sent).
struct M043_CreateReportStates: AsyncMigration {
    var name: String { "043_CreateReportStates" }

    func prepare(on database: any Database) async throws {
        try await database.schema("report_states")
            .id()
            .field("kind", .string, .required)
            .field("month", .int, .required)
            .field("approved", .bool, .required)
            .field("sent_to", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "kind", "month")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_states").delete()
    }
}
