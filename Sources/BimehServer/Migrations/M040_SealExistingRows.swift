import Fluent
import Foundation

/// Rows written before business rows were bound to the audit trail get their first seal, so that
/// `audit verify --deep` starts from the state they are in.
struct M040_SealExistingRows: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await RowSeals.sealAll(on: database, actor: .system("migration"), now: Date())
    }

    func revert(on database: any Database) async throws {}
}
