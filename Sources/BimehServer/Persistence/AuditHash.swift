import Crypto
import Foundation

/// The hash chain of the audit trail (R-G-07): each record's hash covers its own fields and
/// the previous record's hash, so any edit or removal is detectable by recomputation.
enum AuditHash {
    /// The "previous hash" of the first record.
    static let genesis = String(repeating: "0", count: 64)

    struct Content: Sendable {
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
    }

    static func hash(_ c: Content) -> String {
        // Unit separator between fields; a missing value is distinct from an empty one.
        let fields: [String] = [
            String(c.seq), c.at, c.actorID?.uuidString ?? "\u{0}", c.actorName, c.action, c.entity, c.entityID,
            c.before ?? "\u{0}", c.after ?? "\u{0}", c.requestID ?? "\u{0}", c.prevHash,
        ]
        let digest = SHA256.hash(data: Data(fields.joined(separator: "\u{1F}").utf8))
        return Secrets.hex(digest)
    }

    static func content(of record: AuditRecord) -> Content {
        Content(seq: record.id ?? 0, at: record.at, actorID: record.actorID, actorName: record.actorName,
                action: record.action, entity: record.entity, entityID: record.entityID,
                before: record.before, after: record.after, requestID: record.requestID, prevHash: record.prevHash)
    }
}
