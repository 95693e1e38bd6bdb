import Fluent
import Foundation
import InsuranceKit

/// The health policy page's persons (R-SH-06, R-SH-10): every cover window with, per cover of the
/// plan (optional covers when bought), the annual ceiling, what paid claims used and what is left;
/// for a group, the endorsement form that adds persons from a CSV and removes ticked ones.
enum HealthPolicyPanel {
    /// A group of thousands lists its first persons on the page; the rest are changed by code.
    static let shownPersons = 300

    static func panel(_ policy: Policy, on db: any Database) async throws -> PersonsPanel? {
        guard let inputs = try? HealthPersonsDesk.inputs(of: policy) else { return nil }
        let id = try policy.requireID()
        guard let start = try? JalaliDate(parsing: policy.startDate), let tariff = try? HealthTariff.forYear(start.year) else { return nil }
        let covers = (tariff.plan(inputs.plan)?.covers ?? []).filter { !$0.optional || inputs.optionalCovers.contains($0.code) }
        let rows = try await HealthPersonRecord.query(on: db).filter(\.$policy.$id == id).all()
        // before issue no one is covered yet: the page lists the proposal's persons instead
        guard !rows.isEmpty else { return nil }
        let claims = try await HealthClaim.query(on: db).filter(\.$policy.$id == id).all()
        let codeOfRow = Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.id.map { ($0, row.nationalCode) } })
        var used: [String: Rial] = [:]   // "nationalCode cover" → Σ payable (R-SH-06: per person, per cover, per policy)
        for claim in claims {
            guard let code = codeOfRow[claim.$person.id] else { continue }
            used["\(code) \(claim.cover)", default: .zero] = try used["\(code) \(claim.cover)", default: .zero].adding(Rial(amount: claim.payable))
        }
        let listed = Set(inputs.persons.map(\.nationalCode))
        // the insurance numbers are `policy-k`, k counting persons as they joined
        let ordered = rows.sorted { ($0.insuranceNumber.split(separator: "-").last.flatMap { Int($0) } ?? 0) < ($1.insuranceNumber.split(separator: "-").last.flatMap { Int($0) } ?? 0) }
        let last = Dictionary(ordered.map { ($0.nationalCode, $0.insuranceNumber) }, uniquingKeysWith: { _, later in later })
        let persons = try ordered.prefix(Self.shownPersons).map { row in
            PersonsPanel.Person(
                nationalCode: row.nationalCode, name: [row.firstName, row.lastName].compactMap { $0 }.joined(separator: " "),
                relationTitle: HealthPerson.Relation(rawValue: row.relation)?.title ?? row.relation, insuranceNumber: row.insuranceNumber,
                coverFrom: row.coverFrom, coverTo: row.coverTo,
                listed: listed.contains(row.nationalCode) && last[row.nationalCode] == row.insuranceNumber,
                covers: try covers.map { cover in
                    let spent = used["\(row.nationalCode) \(cover.code)"] ?? .zero
                    return PersonsPanel.Cover(title: cover.title, ceiling: cover.ceiling.amount, used: spent.amount,
                                              left: try HealthClaimMath.remaining(ceiling: cover.ceiling, used: spent).amount)
                })
        }
        let letters = try await HealthIntroduction.query(on: db).filter(\.$nationalCode ~~ Array(Set(rows.map(\.nationalCode))))
            .filter(\.$issuedOn >= policy.startDate).filter(\.$issuedOn <= policy.endDate).with(\.$center).sort(\.$issuedOn, .descending).all()
        let titles = Dictionary(covers.map { ($0.code, $0.title) }, uniquingKeysWith: { a, _ in a })
        return PersonsPanel(
            persons: Array(persons), total: rows.count, changeAction: inputs.kind == .group ? HealthPolicyPages.url(.value(id)).path : nil,
            csvHeader: (HealthMemberCSV.requiredColumns + HealthMemberCSV.optionalColumns).joined(separator: ","),
            removalNote: "حذف عضو اصلی، وابستگان او را هم حذف می‌کند؛ گروه دست‌کم \(Normalize.persianDigits(String(tariff.minimumGroupMembers))) عضو اصلی می‌ماند.",
            letters: try letters.map { letter in
                PersonsPanel.Letter(label: "معرفی‌نامهٔ \(Normalize.persianDigits(letter.number)) — \(Normalize.persianDigits(letter.nationalCode)) — \(titles[letter.cover] ?? letter.cover) — \(letter.center.name) — تا \(Normalize.persianDigits(letter.validTo))",
                                    href: HealthIntroductionPages.print(.value(try letter.requireID())).path)
            })
    }
}
