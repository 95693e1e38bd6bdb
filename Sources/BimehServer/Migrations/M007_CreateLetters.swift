import Fluent

struct M007_CreateLetters: AsyncMigration {
    var name: String { "007_CreateLetters" }

    func prepare(on database: any Database) async throws {
        try await database.schema("letters")
            .id()
            .field("year", .int, .required)
            .field("number", .int, .required)
            .field("direction", .string, .required)
            .field("subject", .string, .required)
            .field("correspondent", .string, .required)
            .field("letter_date", .string, .required)
            .field("created_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime)
            .unique(on: "year", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("letters").delete()
    }
}
