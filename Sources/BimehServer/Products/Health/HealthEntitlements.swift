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

    /// Persons covered from `from` to `to` (both inclusive), each with their number under the
    /// policy; many rows a statement (EntitlementLoader.batchSize).
    static func add(_ persons: [(person: HealthPerson, number: String)], plan: String, from: JalaliDate, to: JalaliDate, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        try EligibilityChanges.persons(persons.map(\.person.nationalCode))
        var start = persons.startIndex
        while start < persons.endIndex {
            let end = min(start + EntitlementLoader.batchSize, persons.endIndex)
            var insert = sql.insert(into: "entitlements")
                .columns("person", "source", "insurance_number", "valid_from", "valid_to", "relation", "plan")
            for (person, number) in persons[start..<end] {
                insert = insert.values(SQLBind(person.nationalCode), SQLBind(source), SQLBind(number), SQLBind(from.compact), SQLBind(to.compact),
                                       SQLBind(relation(person.relation).rawValue), SQLBind(plan))
            }
            try await insert.run()
            start = end
        }
    }

    /// Cover ends on `day` (inclusive) for the person's row under the policy, unless it ends earlier.
    static func end(person: String, number: String, on day: JalaliDate, in db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        try EligibilityChanges.persons([person])
        try await sql.raw("""
            UPDATE entitlements SET valid_to = \(bind: day.compact)
            WHERE person = \(bind: person) AND source = \(bind: source) AND insurance_number = \(bind: number) AND valid_to > \(bind: day.compact)
            """).run()
    }

    /// Persons of `persons` another policy of this insurer covers on a day of `from…to`, each with
    /// that policy's insurance number; asked a few hundred persons a statement, through the index.
    static func overlapping(persons: [String], from: JalaliDate, to: JalaliDate, on db: any Database) async throws -> [String: String] {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        var found: [String: String] = [:]
        var start = persons.startIndex
        while start < persons.endIndex {
            let end = min(start + overlapBatch, persons.endIndex)
            let rows = try await sql.raw("""
                SELECT person, insurance_number FROM entitlements
                WHERE person IN (\(binds: Array(persons[start..<end]))) AND source = \(bind: source) AND valid_to >= \(bind: from.compact)
                  AND (valid_from IS NULL OR valid_from <= \(bind: to.compact))
                """).all()
            for row in rows {
                let person = try row.decode(column: "person", as: String.self)
                if found[person] == nil { found[person] = try row.decode(column: "insurance_number", as: String.self) }
            }
            start = end
        }
        return found
    }

    /// Persons per overlap query (one bind each).
    static let overlapBatch = 500

    static func relation(_ relation: HealthPerson.Relation) -> EntitlementRelation {
        switch relation {
        case .main: .main
        case .spouse: .spouse
        case .child: .child
        case .parent: .parent
        }
    }
}
