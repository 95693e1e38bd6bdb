import Fluent
import Foundation
import InsuranceKit
import SQLKit

/// R-SH-09: a health policy's persons in the eligibility store, under the insurer's own source,
/// written in the transaction of the issue, the endorsement or the cancellation that changes them,
/// so the next provider or public inquiry sees the change. Every statement goes through the person
/// index (never a scan of the millions of imported rows).
enum HealthEntitlements {
    /// The source name the provider's answer shows as `insurer` (imports may not take it).
    static let source = OwnEntitlements.source

    /// The person covered from `from` to `to` (both inclusive), their number under the policy.
    static func add(_ person: HealthPerson, number: String, plan: String, from: JalaliDate, to: JalaliDate, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        try await sql.insert(into: "entitlements")
            .columns("person", "source", "insurance_number", "valid_from", "valid_to", "relation", "plan")
            .values(SQLBind(person.nationalCode), SQLBind(source), SQLBind(number), SQLBind(from.compact), SQLBind(to.compact),
                    SQLBind(relation(person.relation).rawValue), SQLBind(plan))
            .run()
    }

    /// Cover ends on `day` (inclusive) for the person's row under the policy, unless it ends earlier.
    static func end(person: String, number: String, on day: JalaliDate, in db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        try await sql.raw("""
            UPDATE entitlements SET valid_to = \(bind: day.compact)
            WHERE person = \(bind: person) AND source = \(bind: source) AND insurance_number = \(bind: number) AND valid_to > \(bind: day.compact)
            """).run()
    }

    /// Another policy of this insurer covers the person on a day of `from…to`: its insurance number.
    static func overlapping(person: String, from: JalaliDate, to: JalaliDate, on db: any Database) async throws -> String? {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        let row = try await sql.raw("""
            SELECT insurance_number FROM entitlements
            WHERE person = \(bind: person) AND source = \(bind: source) AND valid_to >= \(bind: from.compact)
              AND (valid_from IS NULL OR valid_from <= \(bind: to.compact)) LIMIT 1
            """).first()
        return try row?.decode(column: "insurance_number", as: String.self)
    }

    static func relation(_ relation: HealthPerson.Relation) -> EntitlementRelation {
        switch relation {
        case .main: .main
        case .spouse: .spouse
        case .child: .child
        case .parent: .parent
        }
    }
}
