import Fluent
import SQLKit

/// The audit trail (R-G-07) and its chain head. Triggers refuse UPDATE and DELETE on the
/// records, so the trail is append-only inside the database too, not only in the code.
struct M006_CreateAuditTrail: AsyncMigration {
    var name: String { "006_CreateAuditTrail" }

    func prepare(on database: any Database) async throws {
        try await database.schema("audit_records")
            .field("seq", .int64, .identifier(auto: false))
            .field("at", .string, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .field("request_id", .string)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        try await database.schema("audit_chain")
            .field("id", .int, .identifier(auto: false))
            .field("last_seq", .int64, .required)
            .field("last_hash", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "audit_records_entity_idx").on("audit_records").column("entity").column("entity_id").run()
        try await sql.raw("INSERT INTO audit_chain (id, last_seq, last_hash) VALUES (1, 0, \(bind: AuditHash.genesis))").run()
        // The chain head follows every insert inside the database, so appending a record is one
        // read of the head and one insert.
        if sql.dialect.name == "sqlite" {
            try await sql.raw("CREATE TRIGGER audit_records_advance_chain AFTER INSERT ON audit_records BEGIN UPDATE audit_chain SET last_seq = NEW.seq, last_hash = NEW.hash WHERE id = 1; END").run()
            try await sql.raw("CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END").run()
            try await sql.raw("CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END").run()
        } else {
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION audit_records_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit records are append-only'; END; $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("CREATE TRIGGER audit_records_no_change BEFORE UPDATE OR DELETE ON audit_records FOR EACH ROW EXECUTE FUNCTION audit_records_append_only()").run()
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION audit_chain_advance() RETURNS trigger AS $$
                BEGIN UPDATE audit_chain SET last_seq = NEW.seq, last_hash = NEW.hash WHERE id = 1; RETURN NEW; END; $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("CREATE TRIGGER audit_records_advance_chain AFTER INSERT ON audit_records FOR EACH ROW EXECUTE FUNCTION audit_chain_advance()").run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" {
            try await sql.raw("DROP FUNCTION IF EXISTS audit_records_append_only() CASCADE").run()
            try await sql.raw("DROP FUNCTION IF EXISTS audit_chain_advance() CASCADE").run()
        }
        try await database.schema("audit_chain").delete()
        try await database.schema("audit_records").delete()
    }
}
