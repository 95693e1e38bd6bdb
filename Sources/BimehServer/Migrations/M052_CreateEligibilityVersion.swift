import Fluent
import SQLKit

/// PostgreSQL: the version of the eligibility list, one row. Every transaction that changes
/// `entitlements` adds one to it just before it commits and announces the new version with
/// NOTIFY, so a server's cache can tell with one cheap read whether it has heard of every commit
/// (EntitlementCache). SQLite reads the table directly on every inquiry and needs none.
struct M052_CreateEligibilityVersion: AsyncMigration {
    var name: String { "052_CreateEligibilityVersion" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("CREATE TABLE eligibility_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO eligibility_version (id, version) VALUES (1, 0)").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("DROP TABLE eligibility_version").run()
    }
}
