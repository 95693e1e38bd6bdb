import Fluent
import SQLKit

/// SMS notifications to the insured and their outcomes (SentMessage).
struct M046_CreateSentMessages: AsyncMigration {
    var name: String { "046_CreateSentMessages" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sent_messages")
            .id()
            .field("queued_at", .datetime, .required)
            .field("key", .string, .required)
            .field("kind", .string, .required)
            .field("installment", .int)
            .field("mobile", .string)
            .field("text", .string, .required)
            .field("outcome", .string, .required)
            .field("reason", .string)
            .field("sent_at", .datetime)
            .field("policy_id", .uuid, .references("policies", "id"))
            .field("claim_id", .uuid, .references("claims", "id"))
            .unique(on: "key")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX sent_messages_outcome_idx ON sent_messages (outcome)").run()
            try await sql.raw("CREATE INDEX sent_messages_policy_idx ON sent_messages (policy_id)").run()
            try await sql.raw("CREATE INDEX sent_messages_claim_idx ON sent_messages (claim_id)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sent_messages").delete()
    }
}
