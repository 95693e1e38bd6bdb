import Fluent
import SQLKit

/// Third-party claim facts leave the shared claims table for one of their own: the rows that
/// carry them are copied, then the columns dropped.
struct M021_MoveThirdPartyClaimFacts: AsyncMigration {
    var name: String { "021_MoveThirdPartyClaimFacts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("third_party_claim_facts")
            .field("claim_id", .uuid, .identifier(auto: false), .references("claims", "id", onDelete: .cascade))
            .field("at_fault_licensed", .bool)
            .field("police_sketch", .bool)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("""
            INSERT INTO third_party_claim_facts (claim_id, at_fault_licensed, police_sketch)
            SELECT id, at_fault_licensed, police_sketch FROM claims WHERE at_fault_licensed IS NOT NULL OR police_sketch IS NOT NULL
            """).run()
        try await database.schema("claims").deleteField("police_sketch").update()
        try await database.schema("claims").deleteField("at_fault_licensed").update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("claims").field("at_fault_licensed", .bool).update()
        try await database.schema("claims").field("police_sketch", .bool).update()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("""
                UPDATE claims SET at_fault_licensed = (SELECT f.at_fault_licensed FROM third_party_claim_facts f WHERE f.claim_id = claims.id),
                                  police_sketch = (SELECT f.police_sketch FROM third_party_claim_facts f WHERE f.claim_id = claims.id)
                """).run()
        }
        try await database.schema("third_party_claim_facts").delete()
    }
}
