import Foundation
import Fluent
import SQLKit

/// Walks the audit trail and reports the first record whose chain link does not hold; against
/// a saved checkpoint, whether the log still begins with the records the checkpoint signed.
enum AuditVerifier {
    enum Outcome: Equatable, Sendable {
        case intact(records: Int)
        case broken(seq: Int, reason: String)
    }

    /// Seconds a committed record may wait unnumbered (PostgreSQL's sequencer) before `verify`
    /// counts it as lost from the chain: a drain takes milliseconds, so a record waiting longer means
    /// no sequencer is running, or someone inserted into the queue by hand.
    static let defaultPendingBound = 5.0

    /// Plain rows in batches (AuditRecordBatches): a million records is seconds, not a million model objects.
    static func verify(on db: any Database, batch: Int = 5_000, pendingBound: Double = defaultPendingBound) async throws -> Outcome {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        var expectedSeq = 1
        var previousHash = AuditHash.genesis
        while true {
            let items = try await AuditRecordBatches.read(on: db, from: expectedSeq, limit: batch)
            if items.isEmpty { break }
            for item in items {
                let seq = item.content.seq
                if seq != expectedSeq {
                    return .broken(seq: expectedSeq, reason: "record \(expectedSeq) is missing (next present is \(seq))")
                }
                if item.content.prevHash != previousHash {
                    return .broken(seq: seq, reason: "record \(seq) does not point to the hash of record \(seq - 1)")
                }
                if AuditHash.hash(item.content) != item.hash {
                    return .broken(seq: seq, reason: "record \(seq) was altered: its content no longer matches its hash")
                }
                previousHash = item.hash
                expectedSeq += 1
            }
        }
        let count = expectedSeq - 1
        guard let head = try await sql.raw("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1").first() else {
            return .broken(seq: count, reason: "the chain head is missing")
        }
        let headSeq = try head.decode(column: "last_seq", as: Int.self)
        let headHash = try head.decode(column: "last_hash", as: String.self)
        if headSeq != count || headHash != previousHash {
            return .broken(seq: count + 1, reason: "the trail ends at record \(count) but \(headSeq) were written: later records were removed")
        }
        if let age = try await AuditSequencer.oldestPendingAge(on: db), age > pendingBound {
            let shown = age.isFinite ? String(format: "%.1f s", age) : "ever"
            return .broken(seq: count + 1, reason: "a written record has waited \(shown) for its sequence number (bound \(pendingBound) s): no sequencer is draining")
        }
        return .intact(records: count)
    }

    /// The chain alone cannot tell a log whose newest records were deleted (and its head moved
    /// back) or wholly rewritten from an honest shorter one; a checkpoint kept outside can: the
    /// first `treeSize` records must still give its signed root.
    static func verify(against checkpoint: AuditCheckpoint, on db: any Database) async throws -> Outcome {
        guard checkpoint.signatureHolds, let root = checkpoint.root else {
            return .broken(seq: 0, reason: "the checkpoint's signature does not hold")
        }
        let count = try await AuditLogLeaves.count(on: db)
        if count < checkpoint.treeSize {
            return .broken(seq: count + 1, reason: "the log has \(count) records but the checkpoint signed \(checkpoint.treeSize): records were removed")
        }
        let leaves: [MerkleTree.Hash]
        do { leaves = try await AuditLogLeaves.read(on: db, from: 1, through: checkpoint.treeSize) } catch let gap as AuditLogLeaves.Gap {
            return .broken(seq: gap.expected, reason: "record \(gap.expected), covered by the checkpoint, is missing")
        }
        guard MerkleTree.root(leaves) == root else {
            return .broken(seq: 0, reason: "the first \(checkpoint.treeSize) records are not those the checkpoint signed: the log was rewritten")
        }
        return .intact(records: checkpoint.treeSize)
    }
}
