import Fluent
import SQLKit

/// PostgreSQL's write path appends audit records to `audit_pending` inside their transactions,
/// with no lock shared by the whole system; the sequencer (AuditSequencer) numbers and chains them
/// into `audit_records` after commit. `write_turns` is the table a write that keeps losing
/// serialization conflicts locks before its snapshot, so it gets its turn. SQLite, with its one
/// writer, still chains each record in its own transaction; the tables stay empty there.
struct M051_CreateAuditPending: AsyncMigration {
    var name: String { "051_CreateAuditPending" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("""
                CREATE TABLE audit_pending (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor_id TEXT, actor_name TEXT NOT NULL,
                  action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, before TEXT, after TEXT, request_id TEXT,
                  appended_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
                """).run()
        } else {
            try await sql.raw("""
                CREATE TABLE audit_pending (id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, actor_id UUID, actor_name TEXT NOT NULL,
                  action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, before TEXT, after TEXT, request_id TEXT,
                  appended_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())
                """).run()
        }
        try await sql.raw("CREATE TABLE write_turns (id INTEGER PRIMARY KEY)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("write_turns").delete()
        try await database.schema("audit_pending").delete()
    }
}
