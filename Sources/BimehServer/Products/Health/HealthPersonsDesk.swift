import Fluent
import Foundation
import InsuranceKit

/// The persons of a health policy and their cover windows (R-SH-02, R-SH-09): written at issue,
/// changed by endorsements (persons added or removed) and ended by a cancellation, each time with
/// the eligibility rows in the same transaction. Cover runs from 24:00 of the first day (R-G-04),
/// so the first covered day is the day after it.
enum HealthPersonsDesk {
    static func inputs(of policy: Policy) throws -> HealthInputs {
        try StoredJSON.decode(HealthInputs.self, from: policy.inputs, what: "policy.inputs")
    }

    /// R-SH-02: a person is insured once by this insurer at a time: "person-already-insured".
    static func checkNotInsuredElsewhere(_ policy: Policy, on db: any Database) async throws {
        let (from, to) = HealthCalendar.window(start: try JalaliDate(parsing: policy.startDate), end: try JalaliDate(parsing: policy.endDate))
        for person in try inputs(of: policy).persons {
            if let other = try await HealthEntitlements.overlapping(person: person.nationalCode, from: from, to: to, on: db) {
                throw AppError.conflict("person-already-insured",
                    "کد ملی \(Normalize.persianDigits(person.nationalCode)) در همین دوره زیر پوشش بیمه‌نامهٔ دیگری از این بیمه‌گر است (شمارهٔ بیمه‌شده \(Normalize.persianDigits(other))).")
            }
        }
    }

    /// At issue: every person from the first covered day to the end.
    static func issued(_ policy: Policy, in work: UnitOfWork) async throws {
        let inputs = try inputs(of: policy)
        let (from, to) = HealthCalendar.window(start: try JalaliDate(parsing: policy.startDate), end: try JalaliDate(parsing: policy.endDate))
        var rows: [HealthPersonRecord] = []
        for (index, person) in inputs.persons.enumerated() {
            rows.append(try await add(person, k: index + 1, plan: inputs.plan, from: from, to: to, policy: policy, in: work))
        }
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
        var k = rows.count
        for person in inputs.persons where !present.contains(person.nationalCode) {
            k += 1
            let row = try await add(person, k: k, plan: inputs.plan, from: from, to: to, policy: policy, in: work)
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

    @discardableResult
    private static func add(_ person: HealthPerson, k: Int, plan: String, from: JalaliDate, to: JalaliDate, policy: Policy,
                            in work: UnitOfWork) async throws -> HealthPersonRecord {
        let row = HealthPersonRecord()
        row.$policy.id = try policy.requireID()
        row.nationalCode = person.nationalCode
        row.firstName = person.firstName
        row.lastName = person.lastName
        row.relation = person.relation.rawValue
        row.insuranceNumber = "\(policy.printedNumber ?? "")-\(k)"
        row.coverFrom = from.description
        row.coverTo = to.description
        try await row.create(on: work.db)
        try await HealthEntitlements.add(person, number: row.insuranceNumber, plan: plan, from: from, to: to, on: work.db)
        try await work.audit("health.person-covered", entity: "policy", id: try policy.requireID().uuidString,
                             after: ["person": person.nationalCode, "number": row.insuranceNumber, "from": row.coverFrom, "to": row.coverTo])
        return row
    }

    private static func end(_ row: HealthPersonRecord, on day: JalaliDate, in work: UnitOfWork) async throws {
        let before = row.coverTo
        row.coverTo = day.description
        try await row.save(on: work.db)
        try await HealthEntitlements.end(person: row.nationalCode, number: row.insuranceNumber, on: day, in: work.db)
        try await work.audit("health.person-cover-ended", entity: "policy", id: row.$policy.id.uuidString,
                             before: ["to": before], after: ["person": row.nationalCode, "number": row.insuranceNumber, "to": row.coverTo])
    }
}
