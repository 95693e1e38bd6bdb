import Fluent

struct M001_CreateOrganization: AsyncMigration {
    var name: String { "001_CreateOrganization" }

    func prepare(on database: any Database) async throws {
        try await database.schema("complexes")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .unique(on: "code")
            .create()
        try await database.schema("departments")
            .id()
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("complex_id", .uuid, .required, .references("complexes", "id"))
            .create()
        try await database.schema("agencies")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("active", .bool, .required)
            .field("complex_id", .uuid, .required, .references("complexes", "id"))
            .unique(on: "code")
            .create()
        try await database.schema("brokers")
            .id()
            .field("name", .string, .required)
            .field("online", .bool, .required)
            .field("licence_number", .string, .required)
            .field("licence_expiry", .string, .required)
            .unique(on: "licence_number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("brokers").delete()
        try await database.schema("agencies").delete()
        try await database.schema("departments").delete()
        try await database.schema("complexes").delete()
    }
}
