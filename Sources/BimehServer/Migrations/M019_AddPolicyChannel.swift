import Fluent

/// R-G-09: a policy records its channel (direct, agency, broker) and the broker it was sold
/// through. Policies registered before are direct, or through their agency when they have one.
struct M019_AddPolicyChannel: AsyncMigration {
    var name: String { "019_AddPolicyChannel" }

    func prepare(on database: any Database) async throws {
        try await database.schema("policies").field("channel", .string, .required, .sql(.default("direct"))).update()
        try await database.schema("policies").field("broker_id", .uuid).update()
        for policy in try await Policy.query(on: database).filter(\.$agency.$id != nil).all() {
            policy.channel = .agency
            try await policy.save(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("policies").deleteField("broker_id").update()
        try await database.schema("policies").deleteField("channel").update()
    }
}
