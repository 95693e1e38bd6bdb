import Fluent

/// R-P-07: what a product records of an endorsement's change beyond the inputs it prices (e.g.
/// the members added or the rows removed), applied when the endorsement takes effect.
struct M033_AddEndorsementProductChanges: AsyncMigration {
    var name: String { "033_AddEndorsementProductChanges" }

    func prepare(on database: any Database) async throws {
        try await database.schema("endorsements").field("product_changes", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("endorsements").deleteField("product_changes").update()
    }
}
