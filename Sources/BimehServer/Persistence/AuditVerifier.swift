import Fluent
import SQLKit

/// Walks the audit trail and reports the first record whose chain link does not hold.
enum AuditVerifier {
    enum Outcome: Equatable, Sendable {
        case intact(records: Int)
        case broken(seq: Int, reason: String)
    }

    static func verify(on db: any Database, batch: Int = 1_000) async throws -> Outcome {
        var expectedSeq = 1
        var previousHash = AuditHash.genesis
        while true {
            let records = try await AuditRecord.query(on: db)
                .filter(\.$id >= expectedSeq)
                .sort(\.$id)
                .limit(batch)
                .all()
            if records.isEmpty { break }
            for record in records {
                let seq = record.id ?? 0
                if seq != expectedSeq {
                    return .broken(seq: expectedSeq, reason: "record \(expectedSeq) is missing (next present is \(seq))")
                }
                if record.prevHash != previousHash {
                    return .broken(seq: seq, reason: "record \(seq) does not point to the hash of record \(seq - 1)")
                }
                if AuditHash.hash(AuditHash.content(of: record)) != record.hash {
                    return .broken(seq: seq, reason: "record \(seq) was altered: its content no longer matches its hash")
                }
                previousHash = record.hash
                expectedSeq += 1
            }
        }
        let count = expectedSeq - 1
        guard let sql = db as? any SQLDatabase,
              let head = try await sql.raw("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1").first() else {
            return .broken(seq: count, reason: "the chain head is missing")
        }
        let headSeq = try head.decode(column: "last_seq", as: Int.self)
        let headHash = try head.decode(column: "last_hash", as: String.self)
        if headSeq != count || headHash != previousHash {
            return .broken(seq: count + 1, reason: "the trail ends at record \(count) but \(headSeq) were written: later records were removed")
        }
        return .intact(records: count)
    }
}
