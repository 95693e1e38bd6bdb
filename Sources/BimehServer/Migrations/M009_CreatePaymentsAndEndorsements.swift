import Fluent
import SQLKit

struct M009_CreatePaymentsAndEndorsements: AsyncMigration {
    var name: String { "009_CreatePaymentsAndEndorsements" }

    func prepare(on database: any Database) async throws {
        try await database.schema("payment_orders")
            .id()
            .field("year", .int, .required)
            .field("number", .int, .required)
            .field("order_date", .string, .required)
            .field("amount", .int64, .required)
            .field("payee", .string, .required)
            .field("reason", .string, .required)
            .field("copies", .int, .required)
            .field("policy_id", .uuid, .references("policies", "id"))
            .field("created_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime)
            .unique(on: "year", "number")
            .create()
        try await database.schema("endorsements")
            .id()
            .field("policy_id", .uuid, .required, .references("policies", "id"))
            .field("number", .int, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("effective_date", .string, .required)
            .field("changes", .string, .required)
            .field("description", .string, .required)
            .field("premium_delta", .int64, .required)
            .field("annual_premium_before", .int64, .required)
            .field("annual_premium_after", .int64, .required)
            .field("sum_insured_after", .int64, .required)
            .field("payment_order_id", .uuid, .references("payment_orders", "id"))
            .field("created_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime)
            .unique(on: "policy_id", "number")
            .create()
        try await database.schema("payments")
            .id()
            .field("policy_id", .uuid, .required, .references("policies", "id"))
            .field("endorsement_id", .uuid, .references("endorsements", "id"))
            .field("method", .string, .required)
            .field("status", .string, .required)
            .field("amount", .int64, .required)
            .field("paid_on", .string, .required)
            .field("receipt_number", .string)
            .field("cheque_number", .string)
            .field("cheque_bank", .string)
            .field("cheque_due_date", .string)
            .field("settled_on", .string)
            .field("created_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "payments_policy_idx").on("payments").column("policy_id").run()
            // the accountant's page: cheques held, by due date
            try await sql.create(index: "payments_status_due_idx").on("payments").column("status").column("cheque_due_date").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("payments").delete()
        try await database.schema("endorsements").delete()
        try await database.schema("payment_orders").delete()
    }
}
