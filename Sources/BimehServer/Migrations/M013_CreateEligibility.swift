import Fluent
import SQLKit

/// Coverage eligibility (R-EL-01…06): who is covered, the sources their rows came from, credit
/// codes of the public inquiry and the HIDs of provider visits.
///
/// `entitlements` is the one table that holds millions of rows, so it is plain SQL without a UUID
/// key: rows are found only by person (one index), and a source's rows are replaced wholesale.
/// Dates are Jalali days as integers `yyyymmdd`, which sort and compare like the dates.
struct M013_CreateEligibility: AsyncMigration {
    var name: String { "013_CreateEligibility" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("""
            CREATE TABLE entitlements (
                person TEXT NOT NULL,
                source TEXT NOT NULL,
                insurance_number TEXT NOT NULL,
                valid_from INTEGER,
                valid_to INTEGER NOT NULL,
                relation TEXT NOT NULL,
                plan TEXT NOT NULL
            )
            """).run()
        try await sql.raw("CREATE INDEX entitlements_person_idx ON entitlements (person)").run()

        try await database.schema("entitlement_sources")
            .id()
            .field("name", .string, .required)
            .field("persons", .int64, .required)
            .field("rejected", .int64, .required)
            .field("file_sha256", .string)
            .field("imported_at", .datetime, .required)
            .unique(on: "name")
            .create()
        try await database.schema("credit_codes")
            .id()
            .field("code_hash", .string, .required)
            .field("mobile", .string, .required)
            .field("channel", .string, .required)
            .field("quota", .int, .required)
            .field("remaining", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "code_hash")
            .create()
        try await database.schema("provider_visits")
            .id()
            .field("hid", .string, .required)
            .field("person", .string, .required)
            .field("provider_id", .uuid, .required, .references("users", "id"))
            .field("issued_at", .datetime, .required)
            .unique(on: "hid")
            .create()
        try await database.schema("visit_verifications")
            .id()
            .field("visit_id", .uuid, .required, .references("provider_visits", "id"))
            .field("verifier_id", .uuid, .required, .references("users", "id"))
            .field("verified_at", .datetime, .required)
            .create()
        try await sql.create(index: "credit_codes_mobile_idx").on("credit_codes").column("mobile").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("visit_verifications").delete()
        try await database.schema("provider_visits").delete()
        try await database.schema("credit_codes").delete()
        try await database.schema("entitlement_sources").delete()
        if let sql = database as? any SQLDatabase { try await sql.raw("DROP TABLE entitlements").run() }
    }
}
