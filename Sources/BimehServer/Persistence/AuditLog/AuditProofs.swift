import Fluent
import SQLKit
import Vapor

/// Proofs an outside auditor checks against checkpoints it keeps (RFC 6962 §2.1.1–2): one
/// record is in the log, or an older checkpoint's records are all still the log's first ones.
/// Both are computed from the records' hashes up to the latest checkpoint, one read of them.
enum AuditProofs {
    struct Inclusion: Content {
        var seq: Int
        /// RFC 6962 numbers leaves from 0: the record's seq − 1.
        var leafIndex: Int
        var leafHash: String
        var proof: [String]
        var checkpoint: AuditCheckpoint
        var record: RecordView
    }

    struct Consistency: Content {
        var from: Int
        var to: Int
        var fromRoot: String
        var toRoot: String
        var proof: [String]
        var checkpoint: AuditCheckpoint
    }

    /// The record the proof is about, every field its hash covers, so its hash can be recomputed.
    struct RecordView: Content {
        var seq: Int
        var at: String
        var actorID: UUID?
        var actorName: String
        var action: String
        var entity: String
        var entityID: String
        var before: String?
        var after: String?
        var requestID: String?
        var prevHash: String
        var hash: String
    }

    static func noCheckpoint() -> AppError {
        AppError(.notFound, code: "no-checkpoint", detail: "هنوز نقطهٔ بازرسی امضاشده‌ای برای دفتر رویدادها منتشر نشده است.")
    }

    static func inclusion(seq: Int, on db: any Database) async throws -> Inclusion {
        guard let latest = try await AuditCheckpoints.latest(on: db) else { throw noCheckpoint() }
        let size = latest.checkpoint.treeSize
        guard seq >= 1, seq <= size, let record = try await AuditRecord.find(seq, on: db) else {
            throw AppError(.notFound, code: "not-in-checkpoint",
                           detail: "رکورد \(seq) در آخرین نقطهٔ بازرسی (\(size) رکورد) نیست؛ پس از انتشار نقطهٔ بعدی دوباره بپرسید.")
        }
        let leaves = try await AuditLogLeaves.read(on: db, from: 1, through: size)
        return Inclusion(seq: seq, leafIndex: seq - 1, leafHash: Hex.encode(leaves[seq - 1]),
                         proof: MerkleTree.inclusionProof(index: seq - 1, leaves: leaves[...]).map { Hex.encode($0) },
                         checkpoint: latest.checkpoint, record: view(record))
    }

    static func consistency(from: Int, to: Int, on db: any Database) async throws -> Consistency {
        guard let latest = try await AuditCheckpoints.latest(on: db) else { throw noCheckpoint() }
        let size = latest.checkpoint.treeSize
        guard from >= 0, from <= to, to <= size else {
            throw AppError.validation([FieldError(field: "to", code: "outside-checkpoint",
                                                  message: "بازه باید ۰ ≤ از ≤ تا ≤ \(size) (اندازهٔ آخرین نقطهٔ بازرسی) باشد.")])
        }
        let leaves = try await AuditLogLeaves.read(on: db, from: 1, through: to)
        return Consistency(from: from, to: to, fromRoot: Hex.encode(MerkleTree.root(leaves[..<from])),
                           toRoot: Hex.encode(MerkleTree.root(leaves[...])),
                           proof: MerkleTree.consistencyProof(oldSize: from, leaves: leaves[...]).map { Hex.encode($0) },
                           checkpoint: latest.checkpoint)
    }

    static func view(_ r: AuditRecord) -> RecordView {
        RecordView(seq: r.id ?? 0, at: r.at, actorID: r.actorID, actorName: r.actorName, action: r.action, entity: r.entity,
                   entityID: r.entityID, before: r.before, after: r.after, requestID: r.requestID, prevHash: r.prevHash, hash: r.hash)
    }
}
