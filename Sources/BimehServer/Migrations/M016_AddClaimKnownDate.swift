import Fluent

/// R-CL-02: civil-liability notices count from the day the insured learned of the claim.
struct M016_AddClaimKnownDate: AsyncMigration {
    var name: String { "016_AddClaimKnownDate" }

    func prepare(on database: any Database) async throws {
        try await database.schema("claims").field("claim_known_date", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("claims").deleteField("claim_known_date").update()
    }
}
