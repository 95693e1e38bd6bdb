import Fluent
import Foundation
import SQLKit
import PostgresNIO
import Metrics
import NIOConcurrencyHelpers

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

    /// The audit records of this change, kept in order and written in one statement when the
    /// change ends (with its row seal): one INSERT per unit instead of one per record, and on
    /// SQLite one read of the chain head. Each record's before/after is encoded when it is
    /// recorded, so a model changed afterwards does not change what was recorded.
    let records = AuditBuffer()

    /// Records who did what to which entity, with the state before and after.
    func audit(_ action: String, entity: String, id: String, before: (any Encodable & Sendable)? = nil, after: (any Encodable & Sendable)? = nil) async throws {
        records.add([try AuditTrail.Entry(action, entity: entity, id: id, before: before, after: after)])
    }

    /// Many records of this change at once, in order.
    func audit(_ entries: [AuditTrail.Entry]) async throws {
        records.add(entries)
    }

    /// The next number of a gapless register for a Jalali year.
    func nextNumber(_ register: RegisterName, year: Int) async throws -> Int {
        try await Registers.next(register, year: year, on: db)
    }
}

/// Runs units of work. On SQLite writers are serialized by an in-process gate (it has one writer
/// anyway). On PostgreSQL no lock is shared by every writer: each unit runs SERIALIZABLE — the
/// database lets through only outcomes some serial order would give, which is what the check-then-
/// write steps of the commands rely on — and is run again when it loses a serialization conflict
/// or a deadlock. Its audit records wait unnumbered until the sequencer chains them (R-G-07);
/// registers keep their row lock per register and year (R-G-06).
struct Store: Sendable {
    let engine: Engine
    let gate: WriteGate
    let clock: BimehClock
    let products: ProductBook
    let sequencer: AuditSequencer

    /// Attempts of one unit on PostgreSQL; from `turnAfter` on, an attempt first locks
    /// `write_turns` (before its snapshot, so the writes it waited for are in it) and so cannot
    /// lose to another such attempt again.
    static let attempts = 40
    static let turnAfter = 1

    /// `kind` names what the unit does (the request's route): on PostgreSQL, a kind whose units
    /// have lately kept colliding (every issue takes the policy register's next number) starts
    /// with its turn, instead of spending a first attempt that would only be undone.
    func write<T: Sendable>(
        on db: any Database, actor: AuditActor, requestID: String?, kind: String? = nil,
        _ body: @escaping @Sendable (UnitOfWork) async throws -> T
    ) async throws -> T {
        let clock = self.clock
        let engine = self.engine
        let products = self.products
        let run: @Sendable (Int) async throws -> T = { attempt in
            try await db.transaction { tx in
                if let sql = tx as? any SQLDatabase {
                    switch engine {
                    case .postgres:
                        try await sql.raw("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE").run()
                        if attempt > Self.turnAfter {
                            try await sql.raw("LOCK TABLE write_turns IN SHARE ROW EXCLUSIVE MODE").run()
                        }
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
                // the change's records, then the seal of the rows it saved, in one statement
                var entries = work.records.taken
                if let seal = try await RowSeals.seal(work.touched, in: work) { entries.append(seal) }
                try await AuditTrail.appendAll(on: tx, at: work.now, actor: actor, entries: entries, requestID: requestID)
                // last, so the version row is locked only while the transaction commits
                try await changes.publish(on: tx, engine: engine)
                return result
            }
        }
        switch engine {
        case .sqlite:
            return try await gate.withLock {
                try await run(1)
            }
        case .postgres:
            var attempt = kind.map { Self.contention.likely($0) } == true ? Self.turnAfter + 1 : 1
            while true {
                do {
                    let result = try await run(attempt)
                    if let kind { Self.contention.record(kind, collided: false) }
                    await sequencer.sequenced(on: db)
                    Self.units.increment()
                    return result
                } catch where attempt < Self.attempts && Self.lostConflict(error) {
                    if let kind { Self.contention.record(kind, collided: true) }
                    Self.retries.increment()
                    attempt += 1
                    // a little random wait, so the units that collided do not collide again at once
                    try await Task.sleep(for: .microseconds(Int.random(in: 100...(500 * min(attempt, 8)))))
                }
            }
        }
    }

    static let contention = Contention()

    /// On /metrics: how often units collide (PostgreSQL), against how many commit.
    static let units = Metrics.Counter(label: "bimeh_write_units_total")
    static let retries = Metrics.Counter(label: "bimeh_write_retries_total")

    /// PostgreSQL's serialization failure and deadlock: the unit changed nothing and may run again.
    static func lostConflict(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, error.code == .server, let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }
}

/// The audit records a unit of work has recorded so far, in order.
final class AuditBuffer: Sendable {
    private let box = NIOLockedValueBox<[AuditTrail.Entry]>([])
    func add(_ entries: [AuditTrail.Entry]) { box.withLockedValue { $0.append(contentsOf: entries) } }
    var taken: [AuditTrail.Entry] { box.withLockedValue { $0 } }
}

/// How often each kind of unit has lately lost a serialization conflict: a moving average, so a
/// kind that stops colliding (its turn taken, or the load gone) soon runs without the turn again.
final class Contention: Sendable {
    private let scores = NIOLockedValueBox<[String: Double]>([:])
    /// Above this share of recent attempts colliding, a unit of the kind starts with its turn.
    static let threshold = 0.25

    func likely(_ kind: String) -> Bool {
        scores.withLockedValue { ($0[kind] ?? 0) > Self.threshold }
    }

    func record(_ kind: String, collided: Bool) {
        scores.withLockedValue { $0[kind] = 0.8 * ($0[kind] ?? 0) + (collided ? 0.2 : 0) }
    }
}
