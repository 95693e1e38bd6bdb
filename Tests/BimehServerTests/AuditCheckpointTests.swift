@testable import BimehServer
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

/// #15: the audit log anyone can check. A checkpoint signed over the log catches what the hash
/// chain alone cannot — the newest records deleted with the chain head moved back, or the whole
/// chain recomputed after an edit — and its proofs check one record or an older checkpoint.
@Suite("Signed checkpoints of the audit log")
struct AuditCheckpointTests {
    /// The root computed here from the records' stored hashes, independently of the publisher's
    /// frontier: leaf = SHA-256(0x00 ‖ hash bytes), RFC 6962's tree over them.
    static func rootOfRecords(_ app: Application, through size: Int) async throws -> String {
        let records = try await AuditRecord.query(on: app.db).filter(\.$id <= size).sort(\.$id).all()
        return Hex.encode(MerkleTree.root(records.map { MerkleTree.leafHash(Hex.decode($0.hash)!) }))
    }

    static func publish(_ app: Application) async throws -> AuditCheckpoint? {
        try await AuditCheckpointPublisher.publish(app: app)
    }

    @Test("a checkpoint covers every record so far, is signed, and the next one only when something was written")
    func publishes() async throws {
        try await TestApp.run { app in
            let count = try await AuditRecord.query(on: app.db).count()
            let first = try #require(try await Self.publish(app))
            #expect(first.treeSize == count)
            #expect(first.signatureHolds)
            #expect(first.rootHash == (try await Self.rootOfRecords(app, through: count)))
            #expect(try await Self.publish(app) == nil, "nothing written since: no new checkpoint")

            let token = try await app.token("issuer")
            _ = try await app.send(.POST, "/api/v1/customers", token: token, json: Bodies.natural("1234567891"))
            let second = try #require(try await Self.publish(app))
            #expect(second.treeSize > first.treeSize)
            #expect(second.rootHash == (try await Self.rootOfRecords(app, through: second.treeSize)))
            #expect(try await AuditVerifier.verify(against: first, on: app.db) == .intact(records: first.treeSize))

            // a signature over other figures does not hold
            var forged = second
            forged.treeSize += 1
            #expect(!forged.signatureHolds)
        }
    }

    @Test("the newest records deleted and the chain head moved back: the chain verifies, the saved checkpoint does not")
    func tailRemovalDetected() async throws {
        try await TestApp.run(tampers: true) { app in
            let saved = try #require(try await Self.publish(app))
            let sql = try #require(app.db as? any SQLDatabase)
            try await AuditTrailTests.dropAppendOnlyGuard(sql)
            let keep = saved.treeSize - 3
            let newHead = try #require(try await AuditRecord.find(keep, on: app.db))
            try await sql.raw("DELETE FROM audit_records WHERE seq > \(bind: keep)").run()
            try await sql.raw("UPDATE audit_chain SET last_seq = \(bind: keep), last_hash = \(bind: newHead.hash) WHERE id = 1").run()

            #expect(try await AuditVerifier.verify(on: app.db) == .intact(records: keep), "the chain alone cannot tell")
            #expect(try await AuditVerifier.verify(against: saved, on: app.db) == .broken(
                seq: keep + 1, reason: "the log has \(keep) records but the checkpoint signed \(saved.treeSize): records were removed"))
        }
    }

    @Test("a middle record altered and every later hash recomputed: the chain verifies, the saved checkpoint does not")
    func rewriteDetected() async throws {
        try await TestApp.run(tampers: true) { app in
            let saved = try #require(try await Self.publish(app))
            let sql = try #require(app.db as? any SQLDatabase)
            try await AuditTrailTests.dropAppendOnlyGuard(sql)
            // record 3 gets another actor; then 3…n are re-hashed so that the chain holds again
            try await sql.raw("UPDATE audit_records SET actor_name = 'mallory' WHERE seq = 3").run()
            guard case .broken(let seq, _) = try await AuditVerifier.verify(on: app.db) else { Issue.record("an edit breaks the chain"); return }
            #expect(seq == 3)
            var previous = try #require(try await AuditRecord.find(2, on: app.db)).hash
            for record in try await AuditRecord.query(on: app.db).filter(\.$id >= 3).sort(\.$id).all() {
                var content = AuditHash.content(of: record)
                content.prevHash = previous
                let hash = AuditHash.hash(content)
                try await sql.raw("UPDATE audit_records SET prev_hash = \(bind: previous), hash = \(bind: hash) WHERE seq = \(bind: record.id!)").run()
                previous = hash
            }
            try await sql.raw("UPDATE audit_chain SET last_hash = \(bind: previous) WHERE id = 1").run()

            #expect(try await AuditVerifier.verify(on: app.db) == .intact(records: try await AuditRecord.query(on: app.db).count()))
            #expect(try await AuditVerifier.verify(against: saved, on: app.db) == .broken(
                seq: 0, reason: "the first \(saved.treeSize) records are not those the checkpoint signed: the log was rewritten"))
        }
    }

    @Test("GET /api/v1/audit/proof/{seq}: the record, its leaf and a path an auditor verifies against the signed root")
    func inclusionProofOverHTTP() async throws {
        try await TestApp.run { app in
            let head = try await app.token("head")
            #expect(try await app.send(.GET, "/api/v1/audit/checkpoint", token: head).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/audit/proof/1", token: head).json["code"] as? String == "no-checkpoint")
            let checkpoint = try #require(try await Self.publish(app))

            let res = try await app.send(.GET, "/api/v1/audit/proof/5", token: head)
            #expect(res.status == .ok)
            let proof = try JSONDecoder().decode(AuditProofs.Inclusion.self, from: Data(res.body.readableBytesView))
            #expect(proof.checkpoint == checkpoint)
            #expect(proof.leafIndex == 4)
            // the auditor's side: recompute the record's hash from its fields, its leaf, then the path
            let r = proof.record
            let recomputed = AuditHash.hash(.init(seq: r.seq, at: r.at, actorID: r.actorID, actorName: r.actorName, action: r.action,
                                                  entity: r.entity, entityID: r.entityID, before: r.before, after: r.after,
                                                  requestID: r.requestID, prevHash: r.prevHash))
            #expect(recomputed == r.hash)
            let leaf = MerkleTree.leafHash(Hex.decode(r.hash)!)
            #expect(Hex.encode(leaf) == proof.leafHash)
            #expect(MerkleTree.verifyInclusion(index: 4, size: checkpoint.treeSize, leaf: leaf,
                                               proof: proof.proof.map { Hex.decode($0)! }, root: checkpoint.root!))

            #expect(try await app.send(.GET, "/api/v1/audit/proof/\(checkpoint.treeSize + 1)", token: head).json["code"] as? String == "not-in-checkpoint")
            #expect(try await app.send(.GET, "/api/v1/audit/proof/0", token: head).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/audit/proof/abc", token: head).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/audit/proof/5", token: try await app.token("issuer")).status == .forbidden)
        }
    }

    @Test("GET /api/v1/audit/consistency/{from}/{to}: an older checkpoint's records are the newer one's first")
    func consistencyProofOverHTTP() async throws {
        try await TestApp.run { app in
            let old = try #require(try await Self.publish(app))
            let issuer = try await app.token("issuer")
            _ = try await app.send(.POST, "/api/v1/customers", token: issuer, json: Bodies.natural("1234567891"))
            let new = try #require(try await Self.publish(app))
            let admin = try await app.token("admin")
            let res = try await app.send(.GET, "/api/v1/audit/consistency/\(old.treeSize)/\(new.treeSize)", token: admin)
            #expect(res.status == .ok)
            let proof = try JSONDecoder().decode(AuditProofs.Consistency.self, from: Data(res.body.readableBytesView))
            #expect(proof.fromRoot == old.rootHash && proof.toRoot == new.rootHash)
            #expect(MerkleTree.verifyConsistency(oldSize: old.treeSize, newSize: new.treeSize, oldRoot: old.root!, newRoot: new.root!,
                                                 proof: proof.proof.map { Hex.decode($0)! }))
            let beyond = try await app.send(.GET, "/api/v1/audit/consistency/1/\(new.treeSize + 1)", token: admin)
            #expect(beyond.status == .unprocessableEntity)
            #expect(try await app.send(.GET, "/api/v1/audit/consistency/5/4", token: admin).status == .unprocessableEntity)
        }
    }

    @Test("a valid log of 100,000 records verifies, chain and checkpoint")
    func hundredThousand() async throws {
        try await TestApp.run { app in
            let entries = try (1...100_000).map { try AuditTrail.Entry("bench.record", entity: "bench", id: String($0), after: ["n": $0]) }
            try await app.bimeh.store.write(on: app.db, actor: .system("bench"), requestID: nil) { work in
                try await AuditTrail.appendAll(on: work.db, at: work.now, actor: .system("bench"), entries: entries, requestID: nil)
            }
            let count = try await AuditRecord.query(on: app.db).count()
            #expect(count > 100_000)
            #expect(try await AuditVerifier.verify(on: app.db) == .intact(records: count))
            let checkpoint = try #require(try await Self.publish(app))
            #expect(checkpoint.treeSize == count)
            #expect(try await AuditVerifier.verify(against: checkpoint, on: app.db) == .intact(records: count))
        }
    }
}
