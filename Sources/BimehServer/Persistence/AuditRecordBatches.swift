import Fluent
import Foundation
import PostgresKit
import SQLKit

/// The audit records of a range, as the hash recomputes them. On PostgreSQL the rows are decoded
/// with PostgresNIO's typed tuples: SQLKit's by-name decoding casts every cell dynamically, which
/// made a million records a minute's work instead of seconds.
enum AuditRecordBatches {
    struct Item: Sendable {
        var content: AuditHash.Content
        var hash: String
    }

    static let columns = "seq, at, actor_id, actor_name, action, entity, entity_id, before, after, request_id, prev_hash, hash"

    static func read(on db: any Database, from seq: Int, limit: Int) async throws -> [Item] {
        if let postgres = db as? any PostgresDatabase {
            let logger = postgres.logger
            return try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    let query: PostgresQuery = "SELECT seq, at, actor_id, actor_name, action, entity, entity_id, before, after, request_id, prev_hash, hash FROM audit_records WHERE seq >= \(seq) ORDER BY seq LIMIT \(limit)"
                    var items: [Item] = []
                    items.reserveCapacity(limit)
                    let rows = try await connection.query(query, logger: logger)
                    for try await (seq, at, actorID, actorName, action, entity, entityID, before, after, requestID, prevHash, hash)
                        in rows.decode((Int, String, UUID?, String, String, String, String, String?, String?, String?, String, String).self) {
                        items.append(Item(content: .init(seq: seq, at: at, actorID: actorID, actorName: actorName, action: action, entity: entity,
                                                         entityID: entityID, before: before, after: after, requestID: requestID, prevHash: prevHash),
                                          hash: hash))
                    }
                    return items
                }
            }.get()
        }
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        let rows = try await sql.raw("SELECT \(unsafeRaw: columns) FROM audit_records WHERE seq >= \(bind: seq) ORDER BY seq LIMIT \(bind: limit)").all()
        return try rows.map { row in
            Item(content: .init(
                seq: try row.decode(column: "seq", as: Int.self), at: try row.decode(column: "at", as: String.self),
                actorID: try row.decode(column: "actor_id", as: UUID?.self), actorName: try row.decode(column: "actor_name", as: String.self),
                action: try row.decode(column: "action", as: String.self), entity: try row.decode(column: "entity", as: String.self),
                entityID: try row.decode(column: "entity_id", as: String.self), before: try row.decode(column: "before", as: String?.self),
                after: try row.decode(column: "after", as: String?.self), requestID: try row.decode(column: "request_id", as: String?.self),
                prevHash: try row.decode(column: "prev_hash", as: String.self)),
                 hash: try row.decode(column: "hash", as: String.self))
        }
    }
}
