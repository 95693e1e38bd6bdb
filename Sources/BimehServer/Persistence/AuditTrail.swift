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

    /// Appends one record. Must run inside the transaction of the change it describes (R-G-07).
    /// Bumping the chain head first takes its row lock, so concurrent writers extend the chain one
    /// at a time and each sees the previous record's hash.
    static func append(
        on db: any Database, at date: Date, actor: AuditActor, action: String, entity: String, entityID: String,
        before: (any Encodable)?, after: (any Encodable)?, requestID: String?
    ) async throws {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        guard let head = try await sql.raw("UPDATE audit_chain SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq, last_hash").first() else {
            throw Registers.RegisterError.counterMissing
        }
        let content = AuditHash.Content(
            seq: try head.decode(column: "last_seq", as: Int.self), at: timestamp(date),
            actorID: actor.userID, actorName: actor.name, action: action, entity: entity, entityID: entityID,
            before: try json(before), after: try json(after), requestID: requestID,
            prevHash: try head.decode(column: "last_hash", as: String.self))
        let hash = AuditHash.hash(content)
        let record = AuditRecord()
        record.id = content.seq
        record.at = content.at
        record.actorID = content.actorID
        record.actorName = content.actorName
        record.action = content.action
        record.entity = content.entity
        record.entityID = content.entityID
        record.before = content.before
        record.after = content.after
        record.requestID = content.requestID
        record.prevHash = content.prevHash
        record.hash = hash
        try await record.create(on: db)
        try await sql.raw("UPDATE audit_chain SET last_hash = \(bind: hash) WHERE id = 1").run()
    }
}
