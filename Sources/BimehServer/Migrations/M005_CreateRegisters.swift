import Fluent

/// One row per (register, Jalali year): the last number issued (R-G-06).
struct M005_CreateRegisters: AsyncMigration {
    var name: String { "005_CreateRegisters" }

    func prepare(on database: any Database) async throws {
        try await database.schema("register_counters")
            .field("register", .string, .required)
            .field("year", .int, .required)
            .field("last_number", .int64, .required)
            .compositeIdentifier(over: "register", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("register_counters").delete()
    }
}
