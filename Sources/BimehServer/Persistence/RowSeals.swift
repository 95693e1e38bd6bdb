import Crypto
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// Business rows bound to the audit trail. At the end of every write transaction the rows of the
/// entities it audited are read back and their digests written as one more chained audit record
/// (`rows.sealed`). `bimeh audit verify --deep` recomputes every bound row's digest and compares
/// it with its latest seal, so a premium, a payment or a role edited directly in the database —
/// or a row inserted there — no longer passes unnoticed.
enum RowSeals {
    /// Audited entity → its table. The rows whose change moves money or rights.
    static let tables: [String: String] = [
        "policy": "policies", "payment": "payments", "payment-order": "payment_orders",
        "user": "users", "customer": "customers", "claim": "claims",
    ]
    static let action = "rows.sealed"

    /// The unit of work running in this task: a bound model saved through Fluent joins its
    /// seal even where the change audited another entity (a collected cheque moves its policy).
    @TaskLocal static var current: Touched?

    /// The entities audited in one unit of work, in the order first seen.
    final class Touched: Sendable {
        private let box = NIOLockedValueBox<[String]>([])
        func add(entity: String, id: String) {
            guard tables[entity] != nil, UUID(uuidString: id) != nil else { return }
            let key = "\(entity)/\(id.uppercased())"
            box.withLockedValue { if !$0.contains(key) { $0.append(key) } }
        }
        var keys: [String] { box.withLockedValue { $0 } }
    }

    /// The seal of every touched row, read back as the transaction leaves them: the unit's last
    /// audit record (nil when it saved no bound row).
    static func seal(_ touched: Touched, in work: UnitOfWork) async throws -> AuditTrail.Entry? {
        let keys = touched.keys
        guard !keys.isEmpty, let sql = work.db as? any SQLDatabase else { return nil }
        // one read per table, not per row
        var ids: [String: [UUID]] = [:]
        for key in keys {
            let (entity, id) = split(key)
            if let uuid = UUID(uuidString: id) { ids[entity, default: []].append(uuid) }
        }
        var digests: [String: String] = [:]
        for (entity, uuids) in ids {
            guard let table = tables[entity] else { continue }
            let found = try await self.digests(table: table, ids: uuids, on: sql)
            for uuid in uuids { digests["\(entity)/\(uuid.uuidString)"] = found[uuid.uuidString] ?? "deleted" }
        }
        return try AuditTrail.Entry(action, entity: "audit-seal", id: work.requestID ?? "-", after: digests)
    }

    /// Seals every bound row as it is now, in chunks (for a database that had rows before sealing began).
    static func sealAll(on db: any Database, actor: AuditActor, now: Date) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for (entity, table) in tables.sorted(by: { $0.key < $1.key }) {
            let all = try await allDigests(table: table, on: sql)
            let keys = all.keys.sorted()
            for start in stride(from: 0, to: keys.count, by: 500) {
                var chunk: [String: String] = [:]
                for id in keys[start..<min(start + 500, keys.count)] { chunk["\(entity)/\(id)"] = all[id] }
                try await AuditTrail.append(on: db, at: now, actor: actor, action: action, entity: "audit-seal",
                                            entityID: "all", before: nil, after: chunk, requestID: nil)
            }
        }
        // PostgreSQL: no writer waits on these (a migration writes them), so chain them now
        if sql.dialect.name != "sqlite" { try await AuditSequencer.drain(on: db) }
    }

    static func split(_ key: String) -> (String, String) {
        let parts = key.split(separator: "/", maxSplits: 1)
        return (String(parts.first ?? ""), String(parts.count > 1 ? parts[1] : ""))
    }

    // MARK: the canonical text of a row

    /// The digests of the rows with these ids, by upper-case id (a row that does not exist is absent).
    static func digests(table: String, ids: [UUID], on sql: any SQLDatabase) async throws -> [String: String] {
        let expression = try await canonical(table: table, on: sql)
        var result: [String: String] = [:]
        let binds: [any Encodable & Sendable] = ids
        for row in try await sql.raw("SELECT \(unsafeRaw: idText(sql)) AS i, \(unsafeRaw: expression) AS c FROM \(ident: table) t WHERE t.id IN (\(binds: binds))").all() {
            result[try row.decode(column: "i", as: String.self).uppercased()] = hash(try row.decode(column: "c", as: String.self))
        }
        return result
    }

    /// Every row's digest, by id.
    static func allDigests(table: String, on sql: any SQLDatabase) async throws -> [String: String] {
        let expression = try await canonical(table: table, on: sql)
        var result: [String: String] = [:]
        for row in try await sql.raw("SELECT \(unsafeRaw: idText(sql)) AS i, \(unsafeRaw: expression) AS c FROM \(ident: table) t").all() {
            result[try row.decode(column: "i", as: String.self).uppercased()] = hash(try row.decode(column: "c", as: String.self))
        }
        return result
    }

    /// The row's id as text in the form `UUID.uuidString` reads (SQLite stores a UUID as a blob).
    private static func idText(_ sql: any SQLDatabase) -> String {
        sql.dialect.name == "sqlite"
            ? "(CASE typeof(t.id) WHEN 'blob' THEN substr(hex(t.id),1,8)||'-'||substr(hex(t.id),9,4)||'-'||substr(hex(t.id),13,4)||'-'||substr(hex(t.id),17,4)||'-'||substr(hex(t.id),21) ELSE t.id END)"
            : "t.id::text"
    }

    static func hash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Null columns are left out, so a new nullable column does not change existing digests.
    private static func canonical(table: String, on sql: any SQLDatabase) async throws -> String {
        if sql.dialect.name != "sqlite" { return "json_strip_nulls(row_to_json(t))::text" }
        let columns = try await sqliteColumns(table, on: sql)
        return columns.map { "(CASE WHEN t.\"\($0)\" IS NULL THEN '' ELSE '\($0)=' || quote(t.\"\($0)\") || ';' END)" }.joined(separator: " || ")
    }

    private static let columnCache = NIOLockedValueBox<[String: [String]]>([:])

    private static func sqliteColumns(_ table: String, on sql: any SQLDatabase) async throws -> [String] {
        if let cached = columnCache.withLockedValue({ $0[table] }) { return cached }
        let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table)) ORDER BY cid").all()
            .map { try $0.decode(column: "name", as: String.self) }
        columnCache.withLockedValue { $0[table] = columns }
        return columns
    }
}

/// `audit verify --deep`: every bound row against its latest seal.
enum RowSealVerifier {
    struct Finding: Hashable, Sendable, CustomStringConvertible {
        enum Kind: String, Sendable { case altered, unsealed, removed }
        let kind: Kind
        let key: String
        var description: String {
            switch kind {
            case .altered: "\(key) differs from its last audited state (edited outside Bimeh?)"
            case .unsealed: "\(key) is not in the audit trail (inserted outside Bimeh?)"
            case .removed: "\(key) was audited but is gone (deleted outside Bimeh?)"
            }
        }
    }

    static func verify(on db: any Database) async throws -> [Finding] {
        guard let sql = db as? any SQLDatabase else { return [] }
        var sealed: [String: String] = [:]
        let records = try await AuditRecord.query(on: db).filter(\.$action == RowSeals.action).sort(\.$id).all()
        for record in records {
            guard let text = record.after, let digests = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) else { continue }
            for (key, digest) in digests { sealed[key] = digest }
        }
        var findings: [Finding] = []
        for (entity, table) in RowSeals.tables.sorted(by: { $0.key < $1.key }) {
            let rows = try await RowSeals.allDigests(table: table, on: sql)
            for (id, digest) in rows.sorted(by: { $0.key < $1.key }) {
                let key = "\(entity)/\(id)"
                switch sealed[key] {
                case nil: findings.append(Finding(kind: .unsealed, key: key))
                case digest: break
                default: findings.append(Finding(kind: .altered, key: key))
                }
            }
            for (key, digest) in sealed where key.hasPrefix(entity + "/") && digest != "deleted" {
                if rows[String(key.dropFirst(entity.count + 1))] == nil { findings.append(Finding(kind: .removed, key: key)) }
            }
        }
        return findings.sorted { $0.key < $1.key }
    }
}

/// Adds every saved or deleted bound model to the running unit of work's seal.
struct SealedRowMiddleware<M: Model>: AsyncModelMiddleware where M.IDValue == UUID {
    let entity: String

    func create(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        touch(model)
    }

    func update(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        touch(model)
    }

    func delete(model: M, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        touch(model)
    }

    private func touch(_ model: M) {
        if let id = model.id { RowSeals.current?.add(entity: entity, id: id.uuidString) }
    }
}

extension RowSeals {
    /// The Fluent side of the binding; the entity names are those of `tables`.
    static func middleware() -> [any AnyModelMiddleware] {
        [SealedRowMiddleware<Policy>(entity: "policy"), SealedRowMiddleware<Payment>(entity: "payment"),
         SealedRowMiddleware<PaymentOrder>(entity: "payment-order"), SealedRowMiddleware<User>(entity: "user"),
         SealedRowMiddleware<Customer>(entity: "customer"), SealedRowMiddleware<Claim>(entity: "claim")]
    }
}
