import Fluent
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import PostgresKit
import VaporCSQLite

/// One stored entitlement row, as the inquiry reads it.
struct EntitlementRow: Sendable {
    var source: String
    var insuranceNumber: String
    var validFrom: Int?
    var validTo: Int
    var relation: String
    var plan: String
}

/// Reads a person's entitlement rows: the hot path of every eligibility inquiry (R-EL-05).
protocol EntitlementReader: Sendable {
    /// `db` is only asked for when the reader goes through Fluent: the SQLite reader needs just the
    /// thread it runs on, and looking up a request's database is itself measurable on this path.
    func rows(of personKey: String, eventLoop: any EventLoop, db: () -> any Database) async throws -> [EntitlementRow]
}

enum EntitlementQuery {
    static let sql = "SELECT source, insurance_number, valid_from, valid_to, relation, plan FROM entitlements WHERE person = "
}

/// PostgreSQL (and any other Fluent database): the query through the connection pool.
struct PooledEntitlementReader: EntitlementReader {
    func rows(of personKey: String, eventLoop: any EventLoop, db: () -> any Database) async throws -> [EntitlementRow] {
        guard let sql = db() as? any SQLDatabase else { throw AppError.malformedJSON }
        return try await sql.raw(SQLQueryString(EntitlementQuery.sql) + "\(bind: personKey)").all().map { row in
            EntitlementRow(source: try row.decode(column: "source", as: String.self),
                           insuranceNumber: try row.decode(column: "insurance_number", as: String.self),
                           validFrom: try row.decode(column: "valid_from", as: Int?.self),
                           validTo: try row.decode(column: "valid_to", as: Int.self),
                           relation: try row.decode(column: "relation", as: String.self),
                           plan: try row.decode(column: "plan", as: String.self))
        }
    }
}

/// SQLite: a read connection of its own per event loop with the statement prepared once, run on
/// the calling thread. The lookup is a few B-tree pages the OS already caches (tens of
/// microseconds), cheaper than the driver's hop to its thread pool and back, which cost about half
/// of an inquiry. In WAL mode these readers never wait for the writer and see every commit.
final class DirectSQLiteEntitlementReader: EntitlementReader, @unchecked Sendable {
    private let path: String
    private let slots: NIOLockedValueBox<[ObjectIdentifier: Slot]> = .init([:])

    /// A connection and its prepared statement; used by one thread at a time (its lock).
    private final class Slot: @unchecked Sendable {
        let lock = NIOLock()
        var handle: OpaquePointer?
        var statement: OpaquePointer?

        deinit {
            if let statement { sqlite_nio_sqlite3_finalize(statement) }
            if let handle { sqlite_nio_sqlite3_close_v2(handle) }
        }
    }

    init(path: String) { self.path = path }

    func rows(of personKey: String, eventLoop: any EventLoop, db: () -> any Database) async throws -> [EntitlementRow] {
        let slot = self.slot(for: eventLoop)
        return try slot.lock.withLock { try read(personKey, in: slot) }
    }

    private func slot(for loop: any EventLoop) -> Slot {
        slots.withLockedValue { table in
            if let slot = table[ObjectIdentifier(loop)] { return slot }
            let slot = Slot()
            table[ObjectIdentifier(loop)] = slot
            return slot
        }
    }

    private func read(_ key: String, in slot: Slot) throws -> [EntitlementRow] {
        if slot.statement == nil { try open(slot) }
        guard let statement = slot.statement else { throw Self.failure }
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        guard sqlite_nio_sqlite3_bind_text(statement, 1, key, -1, Self.transient) == SQLITE_OK else { throw Self.failure }
        var rows: [EntitlementRow] = []
        while true {
            let step = sqlite_nio_sqlite3_step(statement)
            if step == SQLITE_DONE { return rows }
            guard step == SQLITE_ROW else { throw Self.failure }
            rows.append(EntitlementRow(
                source: Self.text(statement, 0), insuranceNumber: Self.text(statement, 1),
                validFrom: sqlite_nio_sqlite3_column_type(statement, 2) == SQLITE_NULL ? nil : Int(sqlite_nio_sqlite3_column_int64(statement, 2)),
                validTo: Int(sqlite_nio_sqlite3_column_int64(statement, 3)),
                relation: Self.text(statement, 4), plan: Self.text(statement, 5)))
        }
    }

    private func open(_ slot: Slot) throws {
        var handle: OpaquePointer?
        guard sqlite_nio_sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let handle else {
            if let handle { sqlite_nio_sqlite3_close_v2(handle) }
            throw Self.failure
        }
        sqlite_nio_sqlite3_busy_timeout(handle, 5_000)
        var statement: OpaquePointer?
        let sql = EntitlementQuery.sql + "?"
        guard sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            sqlite_nio_sqlite3_close_v2(handle)
            throw Self.failure
        }
        slot.handle = handle
        slot.statement = statement
    }

    private static func text(_ statement: OpaquePointer, _ column: Int32) -> String {
        guard let bytes = sqlite_nio_sqlite3_column_text(statement, column) else { return "" }
        return String(cString: bytes)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private static let failure = AppError(.serviceUnavailable, code: "eligibility-unavailable",
                                          detail: "استعلام پوشش فعلاً ممکن نیست؛ چند لحظهٔ دیگر دوباره تلاش کنید.")
}

/// PostgreSQL: a named prepared statement, parsed and planned once per connection instead of on
/// every inquiry.
struct PreparedEntitlementReader: EntitlementReader {
    struct Lookup: PostgresPreparedStatement {
        static let name = "bimeh_entitlements_by_person"
        static let sql = EntitlementQuery.sql + "$1"
        typealias Row = EntitlementRow
        let person: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(person)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> EntitlementRow {
            let (source, number, from, to, relation, plan) = try row.decode((String, String, Int?, Int, String, String).self)
            return EntitlementRow(source: source, insuranceNumber: number, validFrom: from, validTo: to, relation: relation, plan: plan)
        }
    }

    func rows(of personKey: String, eventLoop: any EventLoop, db: () -> any Database) async throws -> [EntitlementRow] {
        guard let postgres = db() as? any PostgresDatabase else {
            return try await PooledEntitlementReader().rows(of: personKey, eventLoop: eventLoop, db: db)
        }
        let logger = postgres.logger
        return try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                var rows: [EntitlementRow] = []
                for try await row in try await connection.execute(Lookup(person: personKey), logger: logger) { rows.append(row) }
                return rows
            }
        }.get()
    }
}
