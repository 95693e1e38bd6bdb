import Fluent
import Foundation
import Logging
import SQLKit
import Vapor

/// PostgreSQL: write transactions leave their audit records unnumbered in `audit_pending`, so no
/// row is shared by every writer; the sequencer gives them their sequence numbers and chain
/// hashes in batches after they commit — the way Certificate Transparency logs integrate
/// submitted entries. Any number of servers may run one: the advisory lock lets one drain at a
/// time, in the database's order of arrival of committed records.
///
/// A writer waits, after its commit, for a drain that began after it (`sequenced(on:)`), so
/// what it answers is already in the chain; writers arriving during a drain share the next one.
actor AuditSequencer {
    /// pg_advisory_xact_lock's first key ("bseq" in ASCII); the second is the schema's, so
    /// installations in separate schemas of one database sequence independently.
    static let lockKey: Int32 = 0x6273_6571
    /// Records chained per transaction of a drain.
    static let batch = 5_000

    private let logger: Logger
    private var started = 0
    private var running = false
    private var waiters: [(target: Int, continuation: CheckedContinuation<Void, Never>)] = []

    init(logger: Logger) {
        self.logger = logger
    }

    /// Returns when every record committed before the call is in the chain (or, if draining
    /// failed, once it was tried: the records stay pending for the next drain, and `audit
    /// verify` reports any left longer than its bound).
    func sequenced(on db: any Database) async {
        let target = started + 1
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            waiters.append((target, continuation))
            if !running {
                running = true
                Task { await self.run(on: db) }
            }
        }
    }

    private func run(on db: any Database) async {
        while !waiters.isEmpty {
            started += 1
            let generation = started
            do {
                try await Self.drain(on: db)
            } catch {
                logger.warning("audit records not sequenced yet: \(String(reflecting: error))")
            }
            let ready = waiters.filter { $0.target <= generation }
            waiters.removeAll { $0.target <= generation }
            for waiter in ready { waiter.continuation.resume() }
        }
        running = false
    }

    /// Chains every committed pending record, a batch per transaction, under the advisory lock
    /// (waiting for another server's drain to end first). Returns how many it chained.
    @discardableResult
    static func drain(on db: any Database) async throws -> Int {
        var total = 0
        while true {
            let chained = try await db.transaction { tx -> Int in
                guard let sql = tx as? any SQLDatabase, sql.dialect.name != "sqlite" else { return 0 }
                try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: lockKey), hashtext(current_schema()))").run()
                let rows = try await sql.raw("""
                    SELECT id, at, actor_id, actor_name, action, entity, entity_id, before, after, request_id
                    FROM audit_pending ORDER BY id LIMIT \(unsafeRaw: String(batch))
                    """).all()
                guard !rows.isEmpty else { return 0 }
                var ids: [Int64] = []
                ids.reserveCapacity(rows.count)
                let records = try rows.map { row -> AuditTrail.Unchained in
                    ids.append(try row.decode(column: "id", as: Int64.self))
                    return AuditTrail.Unchained(
                        at: try row.decode(column: "at", as: String.self), actorID: try row.decode(column: "actor_id", as: UUID?.self),
                        actorName: try row.decode(column: "actor_name", as: String.self),
                        entry: .init(action: try row.decode(column: "action", as: String.self), entity: try row.decode(column: "entity", as: String.self),
                                     entityID: try row.decode(column: "entity_id", as: String.self),
                                     before: try row.decode(column: "before", as: String?.self), after: try row.decode(column: "after", as: String?.self)),
                        requestID: try row.decode(column: "request_id", as: String?.self))
                }
                try await AuditTrail.chain(records, on: sql)
                try await sql.raw("DELETE FROM audit_pending WHERE id = ANY(\(bind: ids))").run()
                return rows.count
            }
            total += chained
            if chained < batch { return total }
        }
    }

    /// The oldest record still waiting, in seconds (nil when none waits): `audit verify` fails
    /// when it is older than its bound, which means no sequencer is draining.
    static func oldestPendingAge(on db: any Database) async throws -> Double? {
        guard let sql = db as? any SQLDatabase else { return nil }
        if sql.dialect.name == "sqlite" {
            let row = try await sql.raw("SELECT COUNT(*) AS n FROM audit_pending").first()
            return try (row?.decode(column: "n", as: Int.self) ?? 0) > 0 ? .infinity : nil
        }
        let row = try await sql.raw("SELECT EXTRACT(EPOCH FROM clock_timestamp() - MIN(appended_at))::float8 AS age FROM audit_pending").first()
        return try row?.decode(column: "age", as: Double?.self)
    }
}

/// A serving process also drains every second, for records a writer could not wait for (it
/// crashed after commit, or a drain failed).
struct AuditSequencerLifecycle: LifecycleHandler {
    final class Box: @unchecked Sendable { var task: Task<Void, Never>? }
    let box = Box()
    let interval: Duration

    func didBootAsync(_ application: Application) async throws {
        guard application.bimeh.store.engine == .postgres else { return }
        let db = application.db
        let logger = application.logger
        let interval = self.interval
        box.task = Task {
            while !Task.isCancelled {
                do { try await AuditSequencer.drain(on: db) } catch { logger.warning("audit sequencer: \(String(reflecting: error))") }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        box.task?.cancel()
        box.task = nil
        _ = try? await AuditSequencer.drain(on: application.db)
    }
}
