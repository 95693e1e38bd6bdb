import Fluent
import NIOCore
import PostgresKit

/// PostgreSQL: answers from the cache when a version read sent after the inquiry arrived shows
/// that the cache has applied every change (one such read serves all inquiries waiting for it);
/// otherwise reads the person's rows and the version in one statement and keeps them.
final class CachedEntitlementReader: EntitlementReader, @unchecked Sendable {
    let cache: EntitlementCache
    let listener: EntitlementListener
    let gate = VersionGate<any PostgresDatabase> { db in try await CachedEntitlementReader.version(on: db) }

    /// Persons kept by default: ~150 bytes each, so about 30 MB (docs/PERFORMANCE.md).
    static let defaultPersons = 200_000

    init(url: String, searchPath: [String]?, persons: Int = CachedEntitlementReader.defaultPersons,
         logger: Logger = Logger(label: "bimeh.eligibility")) {
        cache = EntitlementCache(persons: persons)
        listener = EntitlementListener(url: url, searchPath: searchPath, cache: cache, logger: logger)
    }

    func rows(of personKey: String, eventLoop: any EventLoop, db: () -> any Database) async throws -> [EntitlementRow] {
        guard let postgres = db() as? any PostgresDatabase else {
            return try await PooledEntitlementReader().rows(of: personKey, eventLoop: eventLoop, db: db)
        }
        listener.start(on: eventLoop)
        if cache.holds(personKey) {
            let version = try await gate.version(with: postgres)
            if let rows = cache.rows(personKey, current: version) { return rows }
        }
        let (version, rows) = try await Self.read(personKey, on: postgres)
        cache.fill(personKey, rows, readAt: version)
        return rows
    }

    /// The version and the person's rows from one snapshot (one statement).
    struct Lookup: PostgresPreparedStatement {
        static let name = "bimeh_entitlements_with_version"
        static let sql = """
            SELECT v.version, e.source, e.insurance_number, e.valid_from, e.valid_to, e.relation, e.plan
            FROM eligibility_version v LEFT JOIN entitlements e ON e.person = $1 WHERE v.id = 1
            """
        typealias Row = (Int64, EntitlementRow?)
        let person: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(person)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            let (version, source, number, from, to, relation, plan) = try row.decode((Int64, String?, String?, Int?, Int?, String?, String?).self)
            guard let source, let number, let to, let relation, let plan else { return (version, nil) }
            return (version, EntitlementRow(source: source, insuranceNumber: number, validFrom: from, validTo: to, relation: relation, plan: plan))
        }
    }

    struct Version: PostgresPreparedStatement {
        static let name = "bimeh_eligibility_version"
        static let sql = "SELECT version FROM eligibility_version WHERE id = 1"
        typealias Row = Int64

        func makeBindings() throws -> PostgresBindings { PostgresBindings() }
        func decodeRow(_ row: PostgresRow) throws -> Int64 { try row.decode(Int64.self) }
    }

    static func read(_ person: String, on postgres: any PostgresDatabase) async throws -> (Int64, [EntitlementRow]) {
        let logger = postgres.logger
        return try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                var version: Int64 = -1
                var rows: [EntitlementRow] = []
                for try await (v, row) in try await connection.execute(Lookup(person: person), logger: logger) {
                    version = v
                    if let row { rows.append(row) }
                }
                return (version, rows)
            }
        }.get()
    }

    static func version(on postgres: any PostgresDatabase) async throws -> Int64 {
        let logger = postgres.logger
        return try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                var version: Int64 = -1
                for try await v in try await connection.execute(Version(), logger: logger) { version = v }
                return version
            }
        }.get()
    }
}
