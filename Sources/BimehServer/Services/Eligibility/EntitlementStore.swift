import Fluent
import InsuranceKit
import Vapor

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

    static func inquire(_ person: PersonIdentifier, on day: JalaliDate, reader: any EntitlementReader, db: any Database) async throws -> Finding {
        find(person, on: day, rows: try await reader.rows(of: person.key, eventLoop: db.eventLoop, db: { db }))
    }

    static func find(_ person: PersonIdentifier, on day: JalaliDate, rows: [EntitlementRow]) -> Finding {
        var entitlements: [Entitlement] = []
        var sources: [String: String] = [:]
        entitlements.reserveCapacity(rows.count)
        for row in rows {
            guard let validTo = JalaliDate(compact: row.validTo), let relation = EntitlementRelation(rawValue: row.relation) else { continue }
            entitlements.append(Entitlement(person: person, insuranceNumber: row.insuranceNumber, validFrom: row.validFrom.flatMap { JalaliDate(compact: $0) },
                                            validTo: validTo, relation: relation, plan: row.plan))
            sources[row.insuranceNumber] = row.source
        }
        let answer = EligibilityAnswer.answer(for: entitlements, on: day)
        return Finding(answer: answer, insurer: answer.insuranceNumber.flatMap { sources[$0] })
    }
}

extension Request {
    /// The eligibility answer for a person today.
    func eligibility(of person: PersonIdentifier) async throws -> EntitlementStore.Finding {
        let rows = try await bimeh.entitlements.rows(of: person.key, eventLoop: eventLoop, db: { self.db })
        return EntitlementStore.find(person, on: bimeh.clock.today(), rows: rows)
    }
}
