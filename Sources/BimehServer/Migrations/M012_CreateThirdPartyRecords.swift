import Fluent
import SQLKit

/// Third-party motor: the driving licence registered with a policy (R-TP-02), the policy's unique
/// code (R-TP-13) and the outbox of events for the central registry.
struct M012_CreateThirdPartyRecords: AsyncMigration {
    var name: String { "012_CreateThirdPartyRecords" }

    func prepare(on database: any Database) async throws {
        try await database.schema("policy_licences")
            .id()
            .field("policy_id", .uuid, .required, .references("policies", "id"))
            .field("number", .string, .required)
            .field("licence_class", .string, .required)
            .field("expiry", .string, .required)
            .field("holder_name", .string, .required)
            .field("holder_national_code", .string, .required)
            .field("verified_on", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema("policies").field("unique_code", .string).update()
        try await database.schema("registry_outbox")
            .id()
            .field("event_id", .uuid, .required)
            .field("policy_id", .uuid, .required, .references("policies", "id"))
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("attempts", .int, .required)
            .field("delivered_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime)
            .unique(on: "event_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "policies_unique_code_idx").unique().on("policies").column("unique_code").run()
        try await sql.create(index: "policy_licences_policy_idx").on("policy_licences").column("policy_id").run()
        try await sql.create(index: "registry_outbox_pending_idx").on("registry_outbox").column("delivered_at").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.drop(index: "policies_unique_code_idx").run() }
        try await database.schema("registry_outbox").delete()
        try await database.schema("policies").deleteField("unique_code").update()
        try await database.schema("policy_licences").delete()
    }
}
