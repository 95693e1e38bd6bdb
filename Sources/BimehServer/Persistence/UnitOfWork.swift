import Fluent
import Foundation
import SQLKit

/// One business change: its rows, its register numbers and its audit records, committed together
/// or not at all (R-G-06, R-G-07).
struct UnitOfWork: Sendable {
    let db: any Database
    let actor: AuditActor
    let requestID: String?
    let now: Date
    /// The products sold, their rules and hooks.
    let products: ProductBook
    /// The bound rows this change saved, sealed when it ends (RowSeals; the model middleware
    /// adds them, so a change that only reads a policy pays nothing for its seal).
    let touched = RowSeals.Touched()

    /// Records who did what to which entity, with the state before and after.
    func audit(_ action: String, entity: String, id: String, before: (any Encodable & Sendable)? = nil, after: (any Encodable & Sendable)? = nil) async throws {
        try await AuditTrail.append(on: db, at: now, actor: actor, action: action, entity: entity, entityID: id,
                                    before: before, after: after, requestID: requestID)
    }

    /// Many records of this change at once, in order (AuditTrail.appendAll).
    func audit(_ entries: [AuditTrail.Entry]) async throws {
        try await AuditTrail.appendAll(on: db, at: now, actor: actor, entries: entries, requestID: requestID)
    }

    /// The next number of a gapless register for a Jalali year.
    func nextNumber(_ register: RegisterName, year: Int) async throws -> Int {
        try await Registers.next(register, year: year, on: db)
    }
}

/// Runs units of work. Writers are serialized: on SQLite by an in-process gate (it has one writer
/// anyway), on PostgreSQL by locking the audit chain head first, which also fixes one lock order
/// for every transaction so that they cannot deadlock one another.
struct Store: Sendable {
    let engine: Engine
    let gate: WriteGate
    let clock: BimehClock
    let products: ProductBook

    func write<T: Sendable>(
        on db: any Database, actor: AuditActor, requestID: String?,
        _ body: @escaping @Sendable (UnitOfWork) async throws -> T
    ) async throws -> T {
        let clock = self.clock
        let engine = self.engine
        let products = self.products
        let run: @Sendable () async throws -> T = {
            try await db.transaction { tx in
                if let sql = tx as? any SQLDatabase {
                    switch engine {
                    case .postgres:
                        try await sql.raw("SELECT last_seq FROM audit_chain WHERE id = 1 FOR UPDATE").run()
                    case .sqlite:
                        // take the file's write lock first, before any read: a transaction that read
                        // first and then finds another process's commit cannot wait, SQLite fails it
                        // at once (SQLITE_BUSY_SNAPSHOT); a write first waits out the busy timeout
                        try await sql.raw("UPDATE audit_chain SET last_seq = last_seq WHERE id = 1").run()
                    }
                }
                let work = UnitOfWork(db: tx, actor: actor, requestID: requestID, now: clock.now(), products: products)
                let changes = EligibilityChanges()
                let result = try await RowSeals.$current.withValue(work.touched) {
                    try await EligibilityChanges.$current.withValue(changes) { try await body(work) }
                }
                try await RowSeals.seal(work.touched, in: work)
                // last, so the version row is locked only while the transaction commits
                try await changes.publish(on: tx, engine: engine)
                return result
            }
        }
        switch engine {
        case .sqlite:
            return try await gate.withLock {
                try await run()
            }
        case .postgres:
            return try await run()
        }
    }
}
