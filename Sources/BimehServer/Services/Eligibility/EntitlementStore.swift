import Fluent
import InsuranceKit
import SQLKit

/// Answers "is this person covered today?" (R-EL-01, R-EL-05) from the entitlement rows.
///
/// One indexed read per inquiry and nothing cached: a source's re-import or a policy change is
/// visible to the next inquiry, so there is nothing to invalidate. The person index keeps the read
/// to a few page visits even with tens of millions of rows.
enum EntitlementStore {
    struct Finding: Sendable {
        var answer: EligibilityAnswer
        /// The source (base insurer) of the covering row.
        var insurer: String?
    }

    static func inquire(_ person: PersonIdentifier, on day: JalaliDate, db: any Database) async throws -> Finding {
        guard let sql = db as? any SQLDatabase else { throw AppError.malformedJSON }
        let rows = try await sql.raw("""
            SELECT source, insurance_number, valid_from, valid_to, relation, plan FROM entitlements WHERE person = \(bind: person.key)
            """).all()
        var entitlements: [Entitlement] = []
        var sources: [String: String] = [:]
        entitlements.reserveCapacity(rows.count)
        for row in rows {
            guard let validTo = JalaliDate(compact: try row.decode(column: "valid_to", as: Int.self)),
                  let relation = EntitlementRelation(rawValue: try row.decode(column: "relation", as: String.self)) else { continue }
            let validFrom = try row.decode(column: "valid_from", as: Int?.self).flatMap { JalaliDate(compact: $0) }
            let number = try row.decode(column: "insurance_number", as: String.self)
            entitlements.append(Entitlement(person: person, insuranceNumber: number, validFrom: validFrom, validTo: validTo,
                                            relation: relation, plan: try row.decode(column: "plan", as: String.self)))
            sources[number] = try row.decode(column: "source", as: String.self)
        }
        let answer = EligibilityAnswer.answer(for: entitlements, on: day)
        return Finding(answer: answer, insurer: answer.insuranceNumber.flatMap { sources[$0] })
    }
}
