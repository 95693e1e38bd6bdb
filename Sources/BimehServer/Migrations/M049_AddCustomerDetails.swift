import Fluent

/// The customer file's editable details (issue #16): all optional, filled in by the audited edit.
struct M049_AddCustomerDetails: AsyncMigration {
    var name: String { "049_AddCustomerDetails" }

    static let columns = ["father_name", "sex", "address", "postal_code", "iban", "economic_code", "signatory"]

    func prepare(on database: any Database) async throws {
        // one column per statement: SQLite adds only one at a time
        for column in Self.columns {
            try await database.schema("customers").field(.string(column), .string).update()
        }
    }

    func revert(on database: any Database) async throws {
        for column in Self.columns {
            try await database.schema("customers").deleteField(.string(column)).update()
        }
    }
}
