import Fluent

/// R-CL-08: the damaged items an assessment names (computer insurance), each capped at its value.
struct M018_AddClaimedItems: AsyncMigration {
    var name: String { "018_AddClaimedItems" }

    func prepare(on database: any Database) async throws {
        try await database.schema("claims").field("claimed_items", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("claims").deleteField("claimed_items").update()
    }
}
