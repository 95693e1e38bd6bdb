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

    /// One record of a batch (`appendAll`): what `append` takes apart from the shared actor, time
    /// and request.
    struct Entry: Sendable {
        var action: String
        var entity: String
        var entityID: String
        var before: String?
        var after: String?

        init(_ action: String, entity: String, id: String, before: (any Encodable)? = nil, after: (any Encodable)? = nil) throws {
            self.action = action
            self.entity = entity
            self.entityID = id
            self.before = try AuditTrail.json(before)
            self.after = try AuditTrail.json(after)
        }
    }

    /// Rows per INSERT of a batch: 12 binds a row stays under both engines' bind limits.
    static let batchSize = 500

    /// Appends many records of one change at once — the same records, hashes and order as that
    /// many `append` calls, the chain head read once and the rows inserted a few hundred per
    /// statement (the trigger advances the head row by row, in order). Same rules as `append`.
    static func appendAll(on db: any Database, at date: Date, actor: AuditActor, entries: [Entry], requestID: String?) async throws {
        guard !entries.isEmpty else { return }
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        guard let head = try await sql.raw("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1").first() else {
            throw Registers.RegisterError.counterMissing
        }
        var seq = try head.decode(column: "last_seq", as: Int.self)
        var previous = try head.decode(column: "last_hash", as: String.self)
        let at = timestamp(date)
        var start = entries.startIndex
        while start < entries.endIndex {
            let end = min(start + batchSize, entries.endIndex)
            var insert = sql.insert(into: "audit_records")
                .columns("seq", "at", "actor_id", "actor_name", "action", "entity", "entity_id", "before", "after", "request_id", "prev_hash", "hash")
            for entry in entries[start..<end] {
                seq += 1
                let content = AuditHash.Content(seq: seq, at: at, actorID: actor.userID, actorName: actor.name, action: entry.action,
                                                entity: entry.entity, entityID: entry.entityID, before: entry.before, after: entry.after,
                                                requestID: requestID, prevHash: previous)
                let hash = AuditHash.hash(content)
                insert = insert.values(SQLBind(content.seq), SQLBind(content.at), SQLBind(content.actorID), SQLBind(content.actorName),
                                       SQLBind(content.action), SQLBind(content.entity), SQLBind(content.entityID), SQLBind(content.before),
                                       SQLBind(content.after), SQLBind(content.requestID), SQLBind(content.prevHash), SQLBind(hash))
                previous = hash
            }
            try await insert.run()
            start = end
        }
    }
}
