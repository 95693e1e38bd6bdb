import Fluent
import Vapor
import Foundation
import InsuranceKit
import SQLKit

/// Replaces one source's entitled persons with a new list in a single transaction: readers see the
/// old list until the commit and the new one after it, never a mix, and a failure part-way leaves
/// the old list whole (API.md "Entitlement import").
struct EntitlementLoader {
    /// Rows per INSERT statement: one statement per batch keeps the per-statement cost (a thread
    /// hop on SQLite, a round trip on PostgreSQL) off the per-row path. 7 binds a row stays under
    /// both engines' bind limits.
    static let batchSize = 1_000

    struct Report: Sendable {
        var source: String
        var loaded: Int64
        var rejected: Int64
        var replaced: Int64
    }

    let source: String

    private struct Summary: Encodable, Sendable {
        var rows: Int64
        var rejected: Int64?
        var sha256: String?
    }

    func replace(on app: Application, actor: AuditActor, from batches: any EntitlementBatches) async throws -> Report {
        let source = self.source
        try OwnEntitlements.checkImportable(source)
        let engine = app.bimeh.store.engine
        return try await app.bimeh.store.write(on: app.db, actor: actor, requestID: nil) { work in
            guard let sql = work.db as? any SQLDatabase else { throw AppError.malformedJSON }
            if engine == .sqlite {
                // For the load only (reset below, the connection is pooled): a large page cache keeps the
                // person index in memory while millions of rows go in.
                try await sql.raw("PRAGMA cache_size = -262144").run()
            }
            try EligibilityChanges.everything()
            let replaced = try await Self.count(source: source, on: sql)
            try await sql.delete(from: "entitlements").where("source", .equal, source).run()
            var loaded: Int64 = 0
            while true {
                let batch = try batches.next()
                if batch.isEmpty { break }
                try await Self.insert(batch, source: source, on: sql)
                loaded += Int64(batch.count)
            }
            if engine == .sqlite { try await sql.raw("PRAGMA cache_size = -2000").run() }
            let rejected = batches.rejected
            let sha = batches.fingerprint
            let now = work.now
            if let existing = try await EntitlementSource.query(on: work.db).filter(\.$name == source).first() {
                existing.persons = loaded
                existing.rejected = rejected
                existing.fileSHA256 = sha
                existing.importedAt = now
                try await existing.update(on: work.db)
            } else {
                let record = EntitlementSource()
                record.name = source
                record.persons = loaded
                record.rejected = rejected
                record.fileSHA256 = sha
                record.importedAt = now
                try await record.create(on: work.db)
            }
            try await work.audit("entitlements.replaced", entity: "entitlement-source", id: source,
                                 before: Summary(rows: replaced, rejected: nil, sha256: nil),
                                 after: Summary(rows: loaded, rejected: rejected, sha256: sha))
            return Report(source: source, loaded: loaded, rejected: rejected, replaced: replaced)
        }
    }

    private static func count(source: String, on sql: any SQLDatabase) async throws -> Int64 {
        struct Count: Decodable { var n: Int64 }
        return try await sql.raw("SELECT COUNT(*) AS n FROM entitlements WHERE source = \(bind: source)").first(decoding: Count.self)?.n ?? 0
    }

    static func insert(_ batch: [Entitlement], source: String, on sql: any SQLDatabase) async throws {
        var insert = sql.insert(into: "entitlements")
            .columns("person", "source", "insurance_number", "valid_from", "valid_to", "relation", "plan")
        for e in batch {
            insert = insert.values(
                SQLBind(e.person.key), SQLBind(source), SQLBind(e.insuranceNumber), SQLBind(e.validFrom?.compact),
                SQLBind(e.validTo.compact), SQLBind(e.relation.rawValue), SQLBind(e.plan))
        }
        try await insert.run()
    }
}

/// Where a load's rows come from, a batch at a time (a CSV file, the synthetic generator, the demo
/// list). Read by one task at a time, in order.
protocol EntitlementBatches: AnyObject, Sendable {
    /// The next rows; empty when there are no more.
    func next() throws -> [Entitlement]
    /// Rows refused so far.
    var rejected: Int64 { get }
    /// The SHA-256 of the file read, once read; nil for generated lists.
    var fingerprint: String? { get }
}

extension EntitlementBatches {
    var fingerprint: String? { nil }
}

/// A fixed list, for the demo persons.
final class ListBatches: EntitlementBatches, @unchecked Sendable {
    private var rows: [Entitlement]?
    init(_ rows: [Entitlement]) { self.rows = rows }
    func next() throws -> [Entitlement] {
        defer { rows = nil }
        return rows ?? []
    }
    var rejected: Int64 { 0 }
}

/// `bimeh seed eligibility`: the deterministic synthetic list.
final class SyntheticBatches: EntitlementBatches, @unchecked Sendable {
    private var iterator: SyntheticEntitlements.Iterator
    init(_ rows: SyntheticEntitlements) { iterator = rows.makeIterator() }
    func next() throws -> [Entitlement] {
        var batch: [Entitlement] = []
        batch.reserveCapacity(EntitlementLoader.batchSize)
        while batch.count < EntitlementLoader.batchSize, let row = iterator.next() { batch.append(row) }
        return batch
    }
    var rejected: Int64 { 0 }
}

extension SyntheticEntitlements {
    /// The source name of generated rows, shown to providers as the insurer.
    static let sourceName = "synthetic"
}
