@testable import BimehServer
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@Suite("Audit trail (R-G-07)")
struct AuditTrailTests {
    @Test("R-G-07 each change is recorded with who, what, before/after, in a chain that verifies")
    func recorded() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            let res = try await app.send(.POST, "/api/v1/customers", token: token, json: Bodies.natural("1234567891"))
            let id = try #require(res.json["id"] as? String)
            let record = try #require(try await AuditRecord.query(on: app.db)
                .filter(\.$action == "customer.registered").filter(\.$entityID == id.uppercased()).first())
            #expect(record.actorName == "issuer")
            #expect(record.after?.contains("1234567891") == true)
            #expect(record.requestID != nil)
            guard case .intact(let count) = try await AuditVerifier.verify(on: app.db) else {
                Issue.record("a fresh trail must verify"); return
            }
            #expect(count > 10, "demo seed, sign-in and registration are all recorded")
        }
    }

    @Test("R-G-07 a failed change leaves no audit record behind")
    func rollbackLeavesNoRecord() async throws {
        try await TestApp.run { app in
            let before = try await AuditRecord.query(on: app.db).count()
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await app.bimeh.store.write(on: app.db, actor: .system("test"), requestID: nil) { work in
                    try await work.audit("test.change", entity: "test", id: "1", after: ["x": "1"])
                    throw Boom()
                }
            }
            #expect(try await AuditRecord.query(on: app.db).count() == before)
            #expect(try await AuditVerifier.verify(on: app.db) == .intact(records: before))
        }
    }

    @Test("R-G-07 the database refuses UPDATE and DELETE on audit records")
    func appendOnly() async throws {
        try await TestApp.run { app in
            let sql = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_records SET actor_name = 'x' WHERE seq = 1").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_records WHERE seq = 1").run() }
        }
    }

    @Test("R-G-07 verify reports the first broken link after a row is edited or removed")
    func tamperingDetected() async throws {
        try await TestApp.run(tampers: true) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            let total = try await AuditRecord.query(on: app.db).count()
            #expect(total >= 5)
            try await Self.dropAppendOnlyGuard(sql)
            // edited: record 3's actor is changed
            try await sql.raw("UPDATE audit_records SET actor_name = 'mallory' WHERE seq = 3").run()
            guard case .broken(let seq, _) = try await AuditVerifier.verify(on: app.db) else {
                Issue.record("an edited record must be detected"); return
            }
            #expect(seq == 3)
        }
        try await TestApp.run(tampers: true) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            let total = try await AuditRecord.query(on: app.db).count()
            try await Self.dropAppendOnlyGuard(sql)
            // removed from the middle
            try await sql.raw("DELETE FROM audit_records WHERE seq = 2").run()
            #expect(try await AuditVerifier.verify(on: app.db) == .broken(seq: 2, reason: "record 2 is missing (next present is 3)"))
            // removed at the end: caught through the chain head
            try await sql.raw("DELETE FROM audit_records WHERE seq = \(bind: total)").run()
            guard case .broken = try await AuditVerifier.verify(on: app.db) else { Issue.record("tail removal"); return }
        }
    }

    /// Simulates someone with direct database access removing the triggers first.
    static func dropAppendOnlyGuard(_ sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER audit_records_no_update").run()
            try await sql.raw("DROP TRIGGER audit_records_no_delete").run()
        } else {
            try await sql.raw("DROP TRIGGER audit_records_no_change ON audit_records").run()
        }
    }
}

/// #17: `audit verify --deep` — the business rows bound to the audit trail. Each edit below is
/// made directly in the database, the way someone with database access and no Bimeh account would.
@Suite("Business rows bound to the audit trail (audit verify --deep)")
struct RowSealTests {
    @Test("a premium, a payment's amount or a role edited in the database, or a user inserted there, is reported; untouched rows pass")
    func directEditsDetected() async throws {
        try await TestApp.run(tampers: true) { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()
            #expect(try await RowSealVerifier.verify(on: app.db).isEmpty)
            let sql = try #require(app.db as? any SQLDatabase)
            let policy = try #require(UUID(uuidString: policyID))
            let payment = try #require(try await Payment.query(on: app.db).filter(\.$policy.$id == policy).first()?.requireID())
            let claimsUser = try #require(try await User.query(on: app.db).filter(\.$username == "claims").first()?.requireID())

            try await sql.raw("UPDATE policies SET premium = premium - 1000000 WHERE id = \(bind: policy)").run()
            try await sql.raw("UPDATE payments SET amount = amount + 1 WHERE id = \(bind: payment)").run()
            try await sql.raw("UPDATE users SET role = 'admin' WHERE id = \(bind: claimsUser)").run()
            let intruder = User(username: "intruder", passwordHash: "x", role: .admin, displayName: "x")
            try await intruder.create(on: app.db)
            let findings = try await RowSealVerifier.verify(on: app.db)
            #expect(Set(findings) == [
                .init(kind: .altered, key: "policy/\(policy.uuidString)"),
                .init(kind: .altered, key: "payment/\(payment.uuidString)"),
                .init(kind: .altered, key: "user/\(claimsUser.uuidString)"),
                .init(kind: .unsealed, key: "user/\(try intruder.requireID().uuidString)"),
            ])
            // the hash chain itself is intact: only the deep check sees these edits
            guard case .intact = try await AuditVerifier.verify(on: app.db) else { Issue.record("chain"); return }
        }
    }

    @Test("a change through Bimeh reseals its rows: the next deep check passes again")
    func legitimateChangesReseal() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()
            let cancel = try await app.send(.POST, "/api/v1/policies/\(policyID)/cancellation", token: flow.issuer,
                                            json: ["initiatedBy": "insured", "noticeDate": "1405/01/20", "reason": "فروش رایانه‌ها"])
            #expect(cancel.status.code < 300, "\(cancel.body.string)")
            #expect(try await RowSealVerifier.verify(on: app.db).isEmpty)
            let seals = try await AuditRecord.query(on: app.db).filter(\.$action == RowSeals.action).count()
            #expect(seals > 0)
        }
    }
}
