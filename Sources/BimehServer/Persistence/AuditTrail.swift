import Fluent
import Foundation
import SQLKit

/// Who did something: a signed-in user, or the system itself (CLI, scheduled jobs).
public struct AuditActor: Sendable {
    public var userID: UUID?
    public var name: String

    public init(userID: UUID?, name: String) {
        self.userID = userID
        self.name = name
    }

    public static func system(_ name: String = "system") -> AuditActor { AuditActor(userID: nil, name: name) }
}

enum AuditTrail {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }()

    static func json(_ value: (any Encodable)?) throws -> String? {
        guard let value else { return nil }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// Appends one record. Must run inside the transaction of the change it describes (R-G-07),
    /// and writers must be serialized (the `Store` does: the SQLite gate, or PostgreSQL's lock on
    /// the chain head taken first in every write transaction), so each sees the previous hash.
    /// A trigger moves the chain head to the new record.
    static func append(
        on db: any Database, at date: Date, actor: AuditActor, action: String, entity: String, entityID: String,
        before: (any Encodable)?, after: (any Encodable)?, requestID: String?
    ) async throws {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        guard let head = try await sql.raw("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1").first() else {
            throw Registers.RegisterError.counterMissing
        }
        let content = AuditHash.Content(
            seq: try head.decode(column: "last_seq", as: Int.self) + 1, at: timestamp(date),
            actorID: actor.userID, actorName: actor.name, action: action, entity: entity, entityID: entityID,
            before: try json(before), after: try json(after), requestID: requestID,
            prevHash: try head.decode(column: "last_hash", as: String.self))
        let hash = AuditHash.hash(content)
        try await sql.raw("""
            INSERT INTO audit_records (seq, at, actor_id, actor_name, action, entity, entity_id, before, after, request_id, prev_hash, hash)
            VALUES (\(bind: content.seq), \(bind: content.at), \(bind: content.actorID), \(bind: content.actorName), \(bind: content.action),
                    \(bind: content.entity), \(bind: content.entityID), \(bind: content.before), \(bind: content.after),
                    \(bind: content.requestID), \(bind: content.prevHash), \(bind: hash))
            """).run()
    }
}
