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
    /// SQLite (one writer at a time, the `Store`'s gate) chains it at once: a trigger moves the
    /// chain head to it. PostgreSQL appends it unnumbered to `audit_pending`, so concurrent
    /// writers share no row; the sequencer chains it after commit (AuditSequencer).
    static func append(
        on db: any Database, at date: Date, actor: AuditActor, action: String, entity: String, entityID: String,
        before: (any Encodable)?, after: (any Encodable)?, requestID: String?
    ) async throws {
        try await appendAll(on: db, at: date, actor: actor,
                            entries: [Entry(action, entity: entity, id: entityID, before: before, after: after)], requestID: requestID)
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

        init(action: String, entity: String, entityID: String, before: String?, after: String?) {
            self.action = action
            self.entity = entity
            self.entityID = entityID
            self.before = before
            self.after = after
        }
    }

    /// A record before it has its place in the chain: what the writer knows.
    struct Unchained: Sendable {
        var at: String
        var actorID: UUID?
        var actorName: String
        var entry: Entry
        var requestID: String?
    }

    /// Rows per INSERT of a batch: 12 binds a row stays under both engines' bind limits.
    static let batchSize = 500

    /// Appends many records of one change at once — the same records and order as that many
    /// `append` calls, a few hundred rows per statement. Same rules as `append`.
    static func appendAll(on db: any Database, at date: Date, actor: AuditActor, entries: [Entry], requestID: String?) async throws {
        guard !entries.isEmpty else { return }
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        let at = timestamp(date)
        let records = entries.map { Unchained(at: at, actorID: actor.userID, actorName: actor.name, entry: $0, requestID: requestID) }
        if sql.dialect.name == "sqlite" {
            try await chain(records, on: sql)
        } else {
            try await appendPending(records, on: sql)
        }
    }

    /// Numbers and hashes `records` after the chain head and inserts them (the trigger advances
    /// the head). The caller holds the only right to extend the chain: SQLite's single writer, or
    /// the sequencer's advisory lock on PostgreSQL.
    static func chain(_ records: [Unchained], on sql: any SQLDatabase) async throws {
        guard !records.isEmpty else { return }
        guard let head = try await sql.raw("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1").first() else {
            throw Registers.RegisterError.counterMissing
        }
        var seq = try head.decode(column: "last_seq", as: Int.self)
        var previous = try head.decode(column: "last_hash", as: String.self)
        var start = records.startIndex
        while start < records.endIndex {
            let end = min(start + batchSize, records.endIndex)
            var insert = sql.insert(into: "audit_records")
                .columns("seq", "at", "actor_id", "actor_name", "action", "entity", "entity_id", "before", "after", "request_id", "prev_hash", "hash")
            for record in records[start..<end] {
                seq += 1
                let content = AuditHash.Content(seq: seq, at: record.at, actorID: record.actorID, actorName: record.actorName,
                                                action: record.entry.action, entity: record.entry.entity, entityID: record.entry.entityID,
                                                before: record.entry.before, after: record.entry.after, requestID: record.requestID,
                                                prevHash: previous)
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

    /// PostgreSQL: the records wait, in the order written, for the sequencer.
    static func appendPending(_ records: [Unchained], on sql: any SQLDatabase) async throws {
        var start = records.startIndex
        while start < records.endIndex {
            let end = min(start + batchSize, records.endIndex)
            var insert = sql.insert(into: "audit_pending")
                .columns("at", "actor_id", "actor_name", "action", "entity", "entity_id", "before", "after", "request_id")
            for record in records[start..<end] {
                insert = insert.values(SQLBind(record.at), SQLBind(record.actorID), SQLBind(record.actorName), SQLBind(record.entry.action),
                                       SQLBind(record.entry.entity), SQLBind(record.entry.entityID), SQLBind(record.entry.before),
                                       SQLBind(record.entry.after), SQLBind(record.requestID))
            }
            try await insert.run()
            start = end
        }
    }
}
