import Fluent
import SQLKit

/// PostgreSQL: the chain head moves once per INSERT statement (to the statement's last record)
/// instead of once per row. Updating one row 100,000 times in a transaction leaves 100,000
/// versions of it that each next update walks past, so a batch of audit records (a member list,
/// a group's persons) cost time quadratic in its size. SQLite updates in place and keeps its
/// row trigger.
struct M045_AdvanceAuditChainPerStatement: AsyncMigration {
    var name: String { "045_AdvanceAuditChainPerStatement" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("""
            CREATE OR REPLACE FUNCTION audit_chain_advance_statement() RETURNS trigger AS $$
            BEGIN
              UPDATE audit_chain SET last_seq = last.seq, last_hash = last.hash
              FROM (SELECT seq, hash FROM new_records ORDER BY seq DESC LIMIT 1) AS last WHERE audit_chain.id = 1;
              RETURN NULL;
            END; $$ LANGUAGE plpgsql
            """).run()
        try await sql.raw("DROP TRIGGER IF EXISTS audit_records_advance_chain ON audit_records").run()
        try await sql.raw("""
            CREATE TRIGGER audit_records_advance_chain AFTER INSERT ON audit_records
            REFERENCING NEW TABLE AS new_records FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_advance_statement()
            """).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("DROP TRIGGER IF EXISTS audit_records_advance_chain ON audit_records").run()
        try await sql.raw("CREATE TRIGGER audit_records_advance_chain AFTER INSERT ON audit_records FOR EACH ROW EXECUTE FUNCTION audit_chain_advance()").run()
        try await sql.raw("DROP FUNCTION IF EXISTS audit_chain_advance_statement()").run()
    }
}
