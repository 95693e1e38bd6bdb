import Fluent

/// An idempotency key's in-flight marker becomes a lease that expires, so that a request killed
/// with the server no longer holds its key forever. Markers left by older versions have no expiry
/// and count as expired.
struct M028_AddIdempotencyLease: AsyncMigration {
    var name: String { "028_AddIdempotencyLease" }

    func prepare(on database: any Database) async throws {
        // one column per statement: SQLite adds a single column per ALTER TABLE
        try await database.schema("idempotency_records").field("lease_token", .uuid).update()
        try await database.schema("idempotency_records").field("lease_expires_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("idempotency_records").deleteField("lease_expires_at").update()
        try await database.schema("idempotency_records").deleteField("lease_token").update()
    }
}
