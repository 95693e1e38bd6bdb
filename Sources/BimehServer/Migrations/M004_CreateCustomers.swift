import Fluent
import SQLKit

struct M004_CreateCustomers: AsyncMigration {
    var name: String { "004_CreateCustomers" }

    func prepare(on database: any Database) async throws {
        try await database.schema("customers")
            .id()
            .field("kind", .string, .required)
            .field("identity_key", .string, .required)
            .field("national_code", .string)
            .field("foreign_id", .string)
            .field("legal_id", .string)
            .field("first_name", .string)
            .field("last_name", .string)
            .field("name", .string)
            .field("birth_date", .string)
            .field("mobile", .string)
            .field("created_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime)
            .unique(on: "identity_key")
            .create()
        try await database.schema("customer_agencies")
            .id()
            .field("customer_id", .uuid, .required, .references("customers", "id"))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("created_at", .datetime)
            .unique(on: "customer_id", "agency_id")
            .create()
        if let sql = database as? any SQLDatabase {
            // Search by surname and by mobile number from the customer pages.
            try await sql.create(index: "customers_last_name_idx").on("customers").column("last_name").run()
            try await sql.create(index: "customers_mobile_idx").on("customers").column("mobile").run()
            try await sql.create(index: "customer_agencies_agency_idx").on("customer_agencies").column("agency_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("customer_agencies").delete()
        try await database.schema("customers").delete()
    }
}
