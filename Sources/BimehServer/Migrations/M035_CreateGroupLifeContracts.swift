import Fluent
import SQLKit

/// R-GL-03: a group life contract's number from the contract register, one per policy.
struct M035_CreateGroupLifeContracts: AsyncMigration {
    var name: String { "035_CreateGroupLifeContracts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("group_life_contracts")
            .id()
            .field("policy_id", .uuid, .required, .references("policies", "id"))
            .field("number", .string, .required)
            .field("serial", .int, .required)
            .field("year", .int, .required)
            .field("agency_code", .string, .required)
            .field("complex_code", .string, .required)
            .field("contract_date", .string, .required)
            .unique(on: "policy_id")
            .unique(on: "year", "serial")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("group_life_contracts").delete()
    }
}
