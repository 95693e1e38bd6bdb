import Fluent

/// R-GL-09: a group life member's place in the contract's endorsements: the endorsement that added
/// it and from when, and the one that removed it and on which day (a row is never deleted).
struct M034_AddGroupLifeMemberChanges: AsyncMigration {
    var name: String { "034_AddGroupLifeMemberChanges" }

    static let columns: [(FieldKey, DatabaseSchema.DataType)] = [
        ("added_by", .int), ("added_on", .string), ("removed_by", .int), ("removed_on", .string),
    ]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        for (column, type) in Self.columns {
            try await database.schema("group_life_members").field(column, type).update()
        }
    }

    func revert(on database: any Database) async throws {
        for (column, _) in Self.columns.reversed() {
            try await database.schema("group_life_members").deleteField(column).update()
        }
    }
}
