@testable import BimehServer
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor

/// The write path without a system-wide lock (PostgreSQL) and the audit sequencer that chains
/// what the writers append (R-G-07); registers stay gapless by their own row lock (R-G-06).
@Suite("Write path: no global lock, sequenced audit log")
struct WritePathTests {
    /// Opens a unit of work on `first`, holds it open until `second` has run, then lets it commit.
    @Test("a unit of work held open does not hold up another on PostgreSQL; SQLite's one writer waits for it")
    func heldUnitDoesNotBlockAnother() async throws {
        try await TestApp.run(seedDemo: false) { app in
            let store = app.bimeh.store
            let opened = AsyncStream<Void>.makeStream()
            let release = AsyncStream<Void>.makeStream()
            let held = Task {
                try await store.write(on: app.db, actor: .system("test"), requestID: nil) { work in
                    let number = try await work.nextNumber(.secretariat, year: 1405)
                    try await work.audit("test.held", entity: "test", id: "held")
                    opened.continuation.yield()
                    for await _ in release.stream { break }
                    return number
                }
            }
            for await _ in opened.stream { break }
            let done = NIOLockedValueBox(false)
            let other = Task {
                let number = try await store.write(on: app.db, actor: .system("test"), requestID: nil) { work in
                    try await work.audit("test.other", entity: "test", id: "other")
                    return try await work.nextNumber(.policy, year: 1405)
                }
                done.withLockedValue { $0 = true }
                return number
            }
            switch TestApp.engineUnderTest {
            case .postgres:
                // another register, another row: it commits while the first is still open
                #expect(await Self.becomes(done, within: .seconds(10)), "the second unit committed while the first held its transaction open")
            case .sqlite:
                #expect(!(await Self.becomes(done, within: .milliseconds(500))), "SQLite has one writer: the second unit waits")
            }
            release.continuation.yield()
            #expect(try await held.value == 1)
            #expect(try await other.value == 1)
            // both changes are in the chain, each with its records in the order written
            let actions = try await AuditRecord.query(on: app.db).sort(\.$id).all().map(\.action)
            #expect(actions.filter { $0.hasPrefix("test.") }.sorted() == ["test.held", "test.other"])
            #expect(try await AuditVerifier.verify(on: app.db) == .intact(records: actions.count))
        }
    }

    @Test("R-G-07 a record left unnumbered longer than the bound fails audit verify; within it, the log verifies")
    func pendingBound() async throws {
        try await TestApp.run(seedDemo: false) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            let records = try await AuditRecord.query(on: app.db).count()
            #expect(try await AuditVerifier.verify(on: app.db) == .intact(records: records))
            // a record in the queue that no sequencer takes (inserted by hand, or the sequencer is down)
            switch TestApp.engineUnderTest {
            case .postgres:
                try await sql.raw("""
                    INSERT INTO audit_pending (at, actor_name, action, entity, entity_id, appended_at)
                    VALUES ('2026-01-01T00:00:00Z', 'x', 'test.stuck', 'test', '1', clock_timestamp() - interval '10 seconds')
                    """).run()
            case .sqlite:
                try await sql.raw("INSERT INTO audit_pending (at, actor_name, action, entity, entity_id) VALUES ('2026-01-01T00:00:00Z', 'x', 'test.stuck', 'test', '1')").run()
            }
            guard case .broken(let seq, let reason) = try await AuditVerifier.verify(on: app.db) else {
                Issue.record("a record waiting 10 s passed a 5 s bound")
                return
            }
            #expect(seq == records + 1 && reason.contains("sequence number"))
            if TestApp.engineUnderTest == .postgres {
                #expect(try await AuditVerifier.verify(on: app.db, pendingBound: 60) == .intact(records: records), "within a 60 s bound it may still wait")
                // the sequencer takes it: numbered after the last record, the chain verifies
                #expect(try await AuditSequencer.drain(on: app.db) == 1)
                #expect(try await AuditVerifier.verify(on: app.db) == .intact(records: records + 1))
            }
            try await sql.raw("DELETE FROM audit_pending").run()
        }
    }

    @Test("R-G-07 many writers and several sequencers draining at once: every record chained once, in its writer's order")
    func concurrentSequencers() async throws {
        try await TestApp.run(seedDemo: false) { app in
            let store = app.bimeh.store
            let before = try await AuditRecord.query(on: app.db).count()
            // 40 writers, each three records; and 4 extra sequencers draining all along (PostgreSQL)
            let draining = NIOLockedValueBox(true)
            let extra = (0..<4).map { _ in
                Task {
                    while draining.withLockedValue({ $0 }) { _ = try? await AuditSequencer.drain(on: app.db) }
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for w in 0..<40 {
                    group.addTask {
                        try await store.write(on: app.db, actor: .system("test"), requestID: nil) { work in
                            for step in 1...3 { try await work.audit("test.step\(step)", entity: "writer", id: "\(w)") }
                        }
                    }
                }
                try await group.waitForAll()
            }
            draining.withLockedValue { $0 = false }
            for task in extra { await task.value }
            let records = try await AuditRecord.query(on: app.db).filter(\.$entity == "writer").sort(\.$id).all()
            #expect(records.count == 120)
            for w in 0..<40 {
                #expect(records.filter { $0.entityID == "\(w)" }.map(\.action) == ["test.step1", "test.step2", "test.step3"])
            }
            let all = try await AuditRecord.query(on: app.db).count()
            // a writer saves no bound row, so no seal record: its three records and nothing else
            #expect(all == before + 120)
            #expect(try await AuditVerifier.verify(on: app.db) == .intact(records: all))
            #expect(try await AuditSequencer.oldestPendingAge(on: app.db) == nil, "nothing left waiting")
        }
    }

    /// True when `flag` is set within `limit`.
    static func becomes(_ flag: NIOLockedValueBox<Bool>, within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if flag.withLockedValue({ $0 }) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return flag.withLockedValue { $0 }
    }

    /// A unit's records go in with one statement at its end: the state each one recorded is the
    /// state when it was recorded, they keep their order, and a unit that fails leaves none.
    @Test("R-G-07 a unit's audit records are written at its end in the order recorded, each with the state it saw; a failed unit leaves none")
    func recordsWrittenAtTheEnd() async throws {
        try await TestApp.run(seedDemo: false) { app in
            struct State: Codable, Sendable { var step: Int }
            let store = app.bimeh.store
            try await store.write(on: app.db, actor: .system("test"), requestID: "buffered") { work in
                var state = State(step: 1)
                try await work.audit("test.first", entity: "test", id: "a", after: state)
                state.step = 2
                try await work.audit([try AuditTrail.Entry("test.second", entity: "test", id: "a", before: State(step: 1), after: state),
                                      try AuditTrail.Entry("test.third", entity: "test", id: "b")])
                // nothing is in the log before the unit ends
                let inside = try await AuditRecord.query(on: work.db).filter(\.$requestID == "buffered").count()
                let pending = try await (work.db as? any SQLDatabase)?.raw("SELECT count(*) AS n FROM audit_pending").first()?.decode(column: "n", as: Int.self)
                #expect(inside == 0 && (pending ?? 0) == 0)
            }
            struct Failure: Error {}
            await #expect(throws: Failure.self) {
                try await store.write(on: app.db, actor: .system("test"), requestID: "failed") { work in
                    try await work.audit("test.failed", entity: "test", id: "c")
                    throw Failure()
                }
            }
            let records = try await AuditRecord.query(on: app.db).filter(\.$action ~~ "test.").sort(\.$id).all()
            #expect(records.map(\.action) == ["test.first", "test.second", "test.third"])
            #expect(records.map(\.after) == [#"{"step":1}"#, #"{"step":2}"#, nil])
            #expect(records[1].before == #"{"step":1}"#)
            // consecutive numbers: one statement, nobody else's record in between
            let seqs = records.compactMap(\.id)
            #expect(seqs.count == 3 && seqs[2] - seqs[0] == 2)
            #expect(try await AuditVerifier.verify(on: app.db) == .intact(records: try await AuditRecord.query(on: app.db).count()))
        }
    }

}
