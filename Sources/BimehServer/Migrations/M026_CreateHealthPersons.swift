import Fluent
import SQLKit

/// R-SH-02, R-SH-09: the persons a health policy insures, each with their own cover window
/// (a person added or removed by endorsement covers part of the term).
struct M026_CreateHealthPersons: AsyncMigration {
    var name: String { "026_CreateHealthPersons" }

    func prepare(on database: any Database) async throws {
        try await database.schema("health_persons")
            .id()
            .field("policy_id", .uuid, .required, .references("policies", "id"))
            .field("national_code", .string, .required)
            .field("first_name", .string)
            .field("last_name", .string)
            .field("relation", .string, .required)
            .field("insurance_number", .string, .required)
            .field("cover_from", .string, .required)
            .field("cover_to", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "health_persons_policy_idx").on("health_persons").column("policy_id").run()
        try await sql.create(index: "health_persons_person_idx").on("health_persons").column("national_code").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("health_persons").delete()
    }
}
