import Fluent

struct M010_CreateIdempotencyRecords: AsyncMigration {
    var name: String { "010_CreateIdempotencyRecords" }

    func prepare(on database: any Database) async throws {
        try await database.schema("idempotency_records")
            .id()
            .field("user_id", .uuid, .required)
            .field("key", .string, .required)
            .field("fingerprint", .string, .required)
            .field("status", .int, .required)
            .field("body", .string)
            .field("content_type", .string)
            .field("created_at", .datetime)
            .unique(on: "user_id", "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("idempotency_records").delete()
    }
}
