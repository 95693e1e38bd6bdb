import Fluent

/// Signed checkpoints of the audit log (RFC 6962 tree heads), one per tree size, each with the
/// right edge of its Merkle tree so the next one reads only the records written since.
struct M044_CreateAuditCheckpoints: AsyncMigration {
    var name: String { "044_CreateAuditCheckpoints" }

    func prepare(on database: any Database) async throws {
        try await database.schema("audit_checkpoints")
            .field("tree_size", .int, .identifier(auto: false))
            .field("root_hash", .string, .required)
            .field("at", .string, .required)
            .field("public_key", .string, .required)
            .field("signature", .string, .required)
            .field("frontier", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_checkpoints").delete()
    }
}
