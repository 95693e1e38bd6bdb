import Fluent
import Foundation
import InsuranceKit
import SQLKit

/// The persons of a health policy and their cover windows (R-SH-02, R-SH-09): written at issue,
/// changed by endorsements (persons added or removed) and ended by a cancellation, each time with
/// the eligibility rows in the same transaction. Cover runs from 24:00 of the first day (R-G-04),
/// so the first covered day is the day after it.
enum HealthPersonsDesk {
    static func inputs(of policy: Policy) throws -> HealthInputs {
        try StoredJSON.decode(HealthInputs.self, from: policy.inputs, what: "policy.inputs")
    }

    /// R-SH-02: a person is insured once by this insurer at a time: "person-already-insured"
    /// (the first such person of the list is named).
    static func checkNotInsuredElsewhere(_ policy: Policy, on db: any Database) async throws {
        let (from, to) = HealthCalendar.window(start: try JalaliDate(parsing: policy.startDate), end: try JalaliDate(parsing: policy.endDate))
        let persons = try inputs(of: policy).persons.map(\.nationalCode)
        let insured = try await HealthEntitlements.overlapping(persons: persons, from: from, to: to, on: db)
        if let person = persons.first(where: { insured[$0] != nil }), let other = insured[person] {
            throw AppError.conflict("person-already-insured",
                "کد ملی \(Normalize.persianDigits(person)) در همین دوره زیر پوشش بیمه‌نامهٔ دیگری از این بیمه‌گر است (شمارهٔ بیمه‌شده \(Normalize.persianDigits(other))).")
        }
    }

    /// At issue: every person from the first covered day to the end.
    static func issued(_ policy: Policy, in work: UnitOfWork) async throws {
        let inputs = try inputs(of: policy)
        let (from, to) = HealthCalendar.window(start: try JalaliDate(parsing: policy.startDate), end: try JalaliDate(parsing: policy.endDate))
        let rows = try await add(inputs.persons, firstK: 1, plan: inputs.plan, from: from, to: to, policy: policy, in: work)
        try await HealthRegistryEvents.enqueue(policy.$renewalOf.id == nil ? "issued" : "renewed", policy: policy, persons: rows, in: work)
    }

    /// An endorsement took effect on `effective`: persons no longer listed stop at 24:00 that day,
    /// new ones start the day after.
    static func changed(_ policy: Policy, effective: JalaliDate, in work: UnitOfWork) async throws {
        let inputs = try inputs(of: policy)
        let rows = try await HealthPersonRecord.query(on: work.db).filter(\.$policy.$id == policy.requireID()).all()
        let active = rows.filter { $0.coverTo > effective.description }
        let listed = Set(inputs.persons.map(\.nationalCode))
        for row in active where !listed.contains(row.nationalCode) {
            try await end(row, on: effective, in: work)
            try await HealthRegistryEvents.enqueue("person-removed", policy: policy, persons: [row], effective: effective, in: work)
        }
        let present = Set(active.map(\.nationalCode))
        let (from, to) = HealthCalendar.added(effective: effective, end: try JalaliDate(parsing: policy.endDate))
        let added = inputs.persons.filter { !present.contains($0.nationalCode) }
        for row in try await add(added, firstK: rows.count + 1, plan: inputs.plan, from: from, to: to, policy: policy, in: work) {
            try await HealthRegistryEvents.enqueue("person-added", policy: policy, persons: [row], effective: effective, in: work)
        }
    }

    /// A cancellation effective on `effective`: every person's cover ends at 24:00 that day.
    static func cancelled(_ policy: Policy, effective: JalaliDate, in work: UnitOfWork) async throws {
        let rows = try await HealthPersonRecord.query(on: work.db).filter(\.$policy.$id == policy.requireID()).all()
        var ended: [HealthPersonRecord] = []
        for row in rows where row.coverTo > effective.description {
            try await end(row, on: effective, in: work)
            ended.append(row)
        }
        try await HealthRegistryEvents.enqueue("cancelled", policy: policy, persons: ended, effective: effective, in: work)
    }

    /// The persons' rows numbered `{policy number}-k` from `firstK` on, their eligibility rows and
    /// one audit record each, a few hundred rows a statement (a group lists thousands). The rows
    /// as stored, for the registry's events.
    @discardableResult
    private static func add(_ persons: [HealthPerson], firstK: Int, plan: String, from: JalaliDate, to: JalaliDate, policy: Policy,
                            in work: UnitOfWork) async throws -> [HealthPersonRecord] {
        guard !persons.isEmpty else { return [] }
        guard let sql = work.db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        let policyID = try policy.requireID()
        let numbered = persons.enumerated().map { (person: $1, number: "\(policy.printedNumber ?? "")-\(firstK + $0)") }
        let ids = numbered.map { _ in UUID() }
        var start = numbered.startIndex
        while start < numbered.endIndex {
            let end = min(start + personBatch, numbered.endIndex)
            var insert = sql.insert(into: HealthPersonRecord.schema)
                .columns("id", "policy_id", "national_code", "first_name", "last_name", "relation", "insurance_number", "cover_from", "cover_to")
            for (index, (person, number)) in numbered[start..<end].enumerated() {
                insert = insert.values(SQLBind(ids[start + index]), SQLBind(policyID), SQLBind(person.nationalCode), SQLBind(person.firstName),
                                       SQLBind(person.lastName), SQLBind(person.relation.rawValue), SQLBind(number),
                                       SQLBind(from.description), SQLBind(to.description))
            }
            try await insert.run()
            start = end
        }
        try await HealthEntitlements.add(numbered, plan: plan, from: from, to: to, on: work.db)
        try await work.audit(numbered.map { person, number in
            try AuditTrail.Entry("health.person-covered", entity: "policy", id: policyID.uuidString,
                                 after: ["person": person.nationalCode, "number": number, "from": from.description, "to": to.description])
        })
        return zip(ids, numbered).map { id, entry in
            let row = HealthPersonRecord()
            row.id = id
            row.$policy.id = policyID
            row.nationalCode = entry.person.nationalCode
            row.firstName = entry.person.firstName
            row.lastName = entry.person.lastName
            row.relation = entry.person.relation.rawValue
            row.insuranceNumber = entry.number
            row.coverFrom = from.description
            row.coverTo = to.description
            return row
        }
    }

    /// health_persons rows per INSERT (9 binds a row).
    static let personBatch = 500

    private static func end(_ row: HealthPersonRecord, on day: JalaliDate, in work: UnitOfWork) async throws {
        let before = row.coverTo
        row.coverTo = day.description
        try await row.save(on: work.db)
        try await HealthEntitlements.end(person: row.nationalCode, number: row.insuranceNumber, on: day, in: work.db)
        try await work.audit("health.person-cover-ended", entity: "policy", id: row.$policy.id.uuidString,
                             before: ["to": before], after: ["person": row.nationalCode, "number": row.insuranceNumber, "to": row.coverTo])
    }
}
