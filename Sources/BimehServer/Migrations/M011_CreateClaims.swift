import Fluent
import SQLKit

struct M011_CreateClaims: AsyncMigration {
    var name: String { "011_CreateClaims" }

    func prepare(on database: any Database) async throws {
        try await database.schema("claims")
            .id()
            .field("version", .int, .required)
            .field("product", .string, .required)
            .field("file_year", .int, .required)
            .field("file_number", .int, .required)
            .field("notice_letter", .string, .required)
            .field("loss_date", .string, .required)
            .field("notice_date", .string, .required)
            .field("description", .string, .required)
            .field("claim_case", .string, .required)
            .field("status", .string, .required)
            .field("notice_late", .bool, .required)
            .field("days_late", .int, .required)
            .field("late_decision", .string)
            .field("premium_inquiry", .string, .required)
            .field("loss", .int64)
            .field("salvage", .int64)
            .field("agreed_amount", .int64)
            .field("end_reason", .string)
            .field("paid_on", .string)
            .field("policy_id", .uuid, .required, .references("policies", "id"))
            .field("created_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime)
            .unique(on: "file_year", "file_number")
            .create()
        try await database.schema("claim_entries")
            .id()
            .field("claim_id", .uuid, .required, .references("claims", "id"))
            .field("kind", .string, .required)
            .field("entry_date", .string, .required)
            .field("text", .string, .required)
            .field("amount", .int64)
            .field("reference", .string)
            .field("created_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        try await database.schema("claim_documents")
            .id()
            .field("claim_id", .uuid, .required, .references("claims", "id"))
            .field("code", .string, .required)
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .field("uploaded_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        // Payment orders now also pay claims and experts' fees.
        // (one column per ALTER: SQLite adds a single column at a time)
        try await database.schema("payment_orders").field("claim_id", .uuid).update()
        try await database.schema("payment_orders").field("purpose", .string).update()
        try await database.schema("payment_orders").field("recipients", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "claims_policy_idx").on("claims").column("policy_id").run()
        try await sql.create(index: "claims_status_idx").on("claims").column("status").run()
        try await sql.create(index: "claim_entries_claim_idx").on("claim_entries").column("claim_id").run()
        try await sql.create(index: "claim_documents_claim_idx").on("claim_documents").column("claim_id").run()
        // R-CL-12: one claim payment order (and one fee order) per file, whatever the concurrency.
        try await sql.create(index: "payment_orders_claim_purpose_idx").unique().on("payment_orders").column("claim_id").column("purpose").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "payment_orders_claim_purpose_idx").run()
        }
        for field in ["claim_id", "purpose", "recipients"] {
            try await database.schema("payment_orders").deleteField(.string(field)).update()
        }
        try await database.schema("claim_documents").delete()
        try await database.schema("claim_entries").delete()
        try await database.schema("claims").delete()
    }
}
