import Fluent

/// Third-party claim facts the rules need (R-TP-11, R-TP-12): whether the at-fault driver held a
/// licence, and whether the police drew a sketch of the accident.
struct M014_AddThirdPartyClaimFacts: AsyncMigration {
    var name: String { "014_AddThirdPartyClaimFacts" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema("claims").field("at_fault_licensed", .bool).update()
        try await database.schema("claims").field("police_sketch", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("claims").deleteField("police_sketch").update()
        try await database.schema("claims").deleteField("at_fault_licensed").update()
    }
}
