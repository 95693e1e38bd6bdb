import Fluent

/// Tariff files loaded at run time (`bimeh tariffs load`): one per product and year, replacing the
/// built-in tariff of that year.
struct M015_CreateTariffFiles: AsyncMigration {
    var name: String { "015_CreateTariffFiles" }

    func prepare(on database: any Database) async throws {
        try await database.schema("tariff_files")
            .id()
            .field("product", .string, .required)
            .field("year", .int, .required)
            .field("body", .string, .required)
            .field("sha256", .string, .required)
            .field("loaded_at", .datetime, .required)
            .unique(on: "product", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tariff_files").delete()
    }
}
