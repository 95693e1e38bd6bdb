import Fluent
import NIOConcurrencyHelpers
import SQLKit

/// What a unit of work changed in the eligibility list: some persons, or whole sources (an
/// import). Every statement that writes `entitlements` records itself here; Store.write then
/// publishes the change as the transaction's last statement (on PostgreSQL), so that servers'
/// caches hear of it exactly when it commits and never before.
final class EligibilityChanges: @unchecked Sendable {
    /// The unit of work running on this task, set by Store.write.
    @TaskLocal static var current: EligibilityChanges?

    private let state = NIOLockedValueBox<(persons: Set<String>, all: Bool)>(([], false))

    /// Records that these persons' rows change in the current unit of work.
    static func persons(_ keys: some Sequence<String>) throws {
        guard let current else { throw outsideUnitOfWork }
        current.state.withLockedValue { $0.persons.formUnion(keys) }
    }

    /// Records that a whole source is replaced (persons may appear or disappear).
    static func everything() throws {
        guard let current else { throw outsideUnitOfWork }
        current.state.withLockedValue { $0.all = true }
    }

    /// What the notification names after the new version: `*` or the persons, space-separated;
    /// too many persons for one notification (PostgreSQL takes under 8,000 bytes) become `*`.
    static func subject(persons: Set<String>, all: Bool) -> String {
        let list = persons.sorted().joined(separator: " ")
        return all || list.utf8.count > maxPersonBytes ? "*" : list
    }

    static let maxPersonBytes = 7_000
    /// The notification channel, per schema: test schemas share one database.
    static let channelPrefix = "bimeh_eligibility_"

    /// PostgreSQL: one more version, announced to the listeners of this schema; delivered only if
    /// and when the transaction commits. The version row is locked from here to the commit only,
    /// which is why this is the last statement of the transaction.
    func publish(on db: any Database, engine: Engine) async throws {
        let (persons, all) = state.withLockedValue { ($0.persons, $0.all) }
        guard engine == .postgres, all || !persons.isEmpty, let sql = db as? any SQLDatabase else { return }
        // one round trip: the version moves and its notification carries the new number
        try await sql.raw("""
            WITH bumped AS (UPDATE eligibility_version SET version = version + 1 WHERE id = 1 RETURNING version)
            SELECT pg_notify(\(bind: Self.channelPrefix) || current_schema(), bumped.version || ' ' || \(bind: Self.subject(persons: persons, all: all))) FROM bumped
            """).run()
    }

    private static let outsideUnitOfWork = AppError(.internalServerError, code: "eligibility-outside-unit-of-work",
                                                    detail: "تغییر فهرست پوشش بیرون از یک تراکنش ثبت‌شده ممکن نیست.")
}
