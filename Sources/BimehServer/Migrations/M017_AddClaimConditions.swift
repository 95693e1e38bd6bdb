import Fluent

/// R-CL-06: the conditions that hold on a claim file (death, surgery, …), so that the conditional
/// documents they need block settlement. Files opened before have none.
struct M017_AddClaimConditions: AsyncMigration {
    var name: String { "017_AddClaimConditions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("claims").field("conditions", .array(of: .string)).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("claims").deleteField("conditions").update()
    }
}
