import Fluent
import Foundation
import InsuranceKit

/// What supplementary health adds to the generic claim file for a reimbursement (R-SH-08): the
/// person, cover, cost and base insurer's share asked at notice and checked as a direct claim is
/// (R-SH-07's codes), the D-SH conditions derived from them, the R-SH-04 breakdown with side costs,
/// and, once the payment order is issued, the person's ceilings spent (R-SH-06).
extension HealthHooks {
    static let personNationalCode = "personNationalCode", cover = "cover", cost = "cost", basePaid = "basePaid", sideCosts = "sideCosts"
    static let factNames: Set<String> = [personNationalCode, cover, cost, basePaid, sideCosts]

    var noticeQuestions: [NoticeQuestion] {
        let covers = (try? HealthTariff.forYear(HealthTariff.years.lowerBound))?.plans.last?.covers ?? []
        return [
            .text(Self.personNationalCode, "درمان: کد ملی بیمه‌شده"),
            NoticeQuestion(name: Self.cover, label: "درمان: پوشش",
                           choices: covers.map { .init(value: $0.code, label: $0.title) }
                               + [.init(value: HealthReimbursement.organPurchase, label: "تهیهٔ اعضای طبیعی بدن برای پیوند")]),
            .rials(Self.cost, "درمان: هزینهٔ درمان (ریال)"),
            .rials(Self.basePaid, "درمان: سهم پرداختی بیمه‌گر پایه (ریال)"),
            .rials(Self.sideCosts, "درمان: هزینه‌های جانبی — پروتز، لنز … (ریال)"),
        ]
    }

    /// R-CL-06: every condition of the D-SH list is derived from the file.
    var derivedConditions: Set<String> {
        Set(HealthReimbursement.checklist.compactMap(\.condition?.code))
    }

    func checkNoticeFacts(_ facts: ClaimFacts, claimCase: ClaimCase) throws {
        _ = try Self.read(facts)
    }

    /// R-SH-08 with R-SH-07's codes: the person on this policy and covered on the service day (not
    /// removed before it), a cover the plan has; the D-SH conditions that hold.
    func examineNotice(_ policy: Policy, claimCase: ClaimCase, facts: ClaimFacts, lossDate: JalaliDate,
                       on db: any Database) async throws -> Set<String> {
        let claimed = try Self.read(facts)
        let (_, _, person) = try await Self.coverage(claimed, policy: policy, on: lossDate, db: db)
        return HealthReimbursement.conditions(cover: claimed.cover, person: person, serviceDate: lossDate,
                                              basePaid: claimed.basePaid, sideCosts: claimed.sideCosts)
    }

    /// R-CL-12: on a family policy one day's services of different persons or covers are different
    /// losses; the same person and cover on the same day is the same one.
    func isSameLoss(_ earlier: Claim, facts: ClaimFacts, on db: any Database) async throws -> Bool {
        guard let record = try await HealthReimbursementRecord.of(earlier, on: db), let claimed = try? Self.read(facts) else { return true }
        return record.nationalCode == claimed.nationalCode && record.cover == claimed.cover
    }

    func record(_ facts: ClaimFacts, for claim: Claim, in work: UnitOfWork) async throws {
        let claimed = try Self.read(facts)
        let policy = try await claim.$policy.get(on: work.db)
        let (row, _, _) = try await Self.coverage(claimed, policy: policy, on: try JalaliDate(parsing: claim.lossDate), db: work.db)
        let record = HealthReimbursementRecord()
        record.$claim.id = try claim.requireID()
        record.$policy.id = try policy.requireID()
        record.$person.id = try row.requireID()
        record.nationalCode = claimed.nationalCode
        record.cover = claimed.cover
        record.cost = claimed.cost.amount
        record.basePaid = claimed.basePaid.amount
        record.sideCosts = claimed.sideCosts.amount
        try await record.create(on: work.db)
    }

    func claimFacts(_ claim: Claim, on db: any Database) async throws -> [ClaimFactView] {
        guard let record = try await HealthReimbursementRecord.of(claim, on: db) else { return [] }
        let person = try await record.$person.get(on: db)
        let name = [person.firstName, person.lastName].compactMap { $0 }.joined(separator: " ")
        let policy = try await record.$policy.get(on: db)
        let title = (try? Self.plan(of: policy))?.claimCover(record.cover, bought: [record.cover])?.title ?? record.cover
        var facts = [
            ClaimFactView(name: Self.personNationalCode, label: "بیمه‌شده", value: name.isEmpty ? record.nationalCode : "\(record.nationalCode) — \(name)"),
            ClaimFactView(name: Self.cover, label: "پوشش", value: title),
            ClaimFactView(name: Self.cost, label: "هزینهٔ درمان", value: String(record.cost), amount: record.cost),
            ClaimFactView(name: Self.basePaid, label: "سهم بیمه‌گر پایه", value: String(record.basePaid), amount: record.basePaid),
        ]
        if record.sideCosts > 0 {
            facts.append(ClaimFactView(name: Self.sideCosts, label: "هزینه‌های جانبی", value: String(record.sideCosts), amount: record.sideCosts))
        }
        return facts
    }

    /// The expert assesses the cost accepted from the invoices; a treatment cost has no salvage.
    var assessmentFields: AssessmentFields {
        AssessmentFields(lossLabel: "هزینهٔ پذیرفتهٔ درمان (ریال، حداکثر هزینهٔ مطالبه‌شده)", salvage: false)
    }

    /// An assessed cost (R-CL-07: the expert's reading of the invoices) never exceeds the claimed
    /// one, nor falls below the base insurer's share.
    func checkAssessment(_ claim: Claim, loss: Rial, on db: any Database) async throws {
        guard let record = try await HealthReimbursementRecord.of(claim, on: db) else { return }
        guard loss.amount <= record.cost else {
            throw AppError.validation([FieldError(field: "loss", code: "loss-above-claimed-cost",
                                                  message: "هزینهٔ پذیرفته از هزینهٔ مطالبه‌شده (\(Rial(amount: record.cost).persianFormatted) ریال) بیشتر است.")])
        }
        guard loss.amount >= record.basePaid else {
            throw AppError.validation([FieldError(field: "loss", code: "base-paid-exceeds-cost", message: "سهم بیمه‌گر پایه از هزینهٔ پذیرفته بیشتر است.")])
        }
    }

    /// R-SH-04/06: `cost` (the assessed cost, else the claimed one), `base-insurer`, `franchise`,
    /// `ceiling-reduction`, then side costs; approved is the cost.
    func settlement(_ claim: Claim, policy: Policy, on db: any Database) async throws -> Settlement? {
        guard let record = try await HealthReimbursementRecord.of(claim, on: db) else { return nil }
        let (cost, breakdown) = try await Self.reimbursement(claim, record: record, policy: policy, on: db)
        return Settlement(lines: breakdown.lines, approved: cost, payable: breakdown.payable)
    }

    /// R-SH-06: the payment order spends the person's ceilings — the cover's, and the
    /// hospitalization one for side costs — as a direct claim does, in the order's transaction.
    func paymentOrdered(_ claim: Claim, in work: UnitOfWork) async throws {
        guard let record = try await HealthReimbursementRecord.of(claim, on: work.db) else { return }
        let policy = try await claim.$policy.get(on: work.db)
        let (cost, breakdown) = try await Self.reimbursement(claim, record: record, policy: policy, on: work.db)
        let claimID = try claim.requireID()
        let serviceDate = try JalaliDate(parsing: claim.lossDate)
        func spend(_ cover: String, cost: Rial, basePaid: Rial, paid: Rial, lines: [QuoteLine]) async throws {
            let row = HealthClaim()
            row.$policy.id = try policy.requireID()
            row.$person.id = record.$person.id
            row.cover = cover
            row.serviceDate = serviceDate.description
            row.month = HealthCalendar.month(of: serviceDate)
            row.cost = cost.amount
            row.basePaid = basePaid.amount
            row.payable = paid.amount
            row.insuredShare = max(0, cost.amount - basePaid.amount - paid.amount)
            row.lines = try QuoteDesk.json(lines)
            row.claimID = claimID
            row.$createdBy.id = claim.$createdBy.id
            try await row.create(on: work.db)
        }
        try await spend(record.cover, cost: cost, basePaid: Rial(amount: record.basePaid), paid: breakdown.coverPaid, lines: breakdown.cover.lines)
        if breakdown.sideCostsPaid > .zero {
            try await spend(HealthReimbursement.sideCostsCover, cost: Rial(amount: record.sideCosts), basePaid: .zero, paid: breakdown.sideCostsPaid,
                            lines: breakdown.lines.filter { $0.code.hasPrefix("side-costs") })
        }
        try await work.audit("health.reimbursement-spent", entity: "policy", id: try policy.requireID().uuidString,
                             after: ["person": record.nationalCode, "cover": record.cover, "claim": claimID.uuidString,
                                     "coverPaid": String(breakdown.coverPaid.amount), "sideCostsPaid": String(breakdown.sideCostsPaid.amount)])
    }

    // MARK: reading and checking

    struct Claimed: Sendable {
        var nationalCode: String
        var cover: String
        var cost: Rial
        var basePaid: Rial
        var sideCosts: Rial
    }

    /// The notice's health facts, every problem at once with the direct claim's codes; other
    /// products' facts are "not-applicable".
    static func read(_ facts: ClaimFacts) throws -> Claimed {
        var reader = FieldReader()
        var code: String?
        if let raw = facts.texts[Self.personNationalCode], !raw.isEmpty {
            do { code = try NationalCode(raw).value } catch let e as DomainError { reader.add(Self.personNationalCode, e.code, e.message) }
        } else {
            reader.add(Self.personNationalCode, "required", "کد ملی بیمه‌شده را وارد کنید.")
        }
        let coverCode = reader.text(facts.texts[Self.cover], Self.cover, max: 40)
        func amount(_ name: String, optional: Bool) -> Rial? {
            if facts.texts[name] != nil {
                reader.add(name, "invalid-amount", "مبلغ باید عددی (به ریال) باشد.")
                return nil
            }
            guard optional else { return reader.rial(facts.amounts[name], name) }
            guard let raw = facts.amounts[name] else { return .zero }
            guard raw >= 0 else {
                reader.add(name, "negative-amount", "مبلغ نمی‌تواند منفی باشد.")
                return nil
            }
            return Rial(amount: raw)
        }
        let cost = amount(Self.cost, optional: false), base = amount(Self.basePaid, optional: true), side = amount(Self.sideCosts, optional: true)
        if let cost, let base, base > cost {
            reader.add(Self.basePaid, "base-paid-exceeds-cost", "سهم بیمه‌گر پایه از کل هزینه بیشتر است.")
        }
        if let cost, let side, (try? cost.adding(side)) == nil {
            reader.add(Self.sideCosts, "amount-overflow", DomainError.amountOverflow.message)
        }
        for name in facts.names where !Self.factNames.contains(name) {
            reader.add(name, "not-applicable", "این فیلد برای خسارت این نوع بیمه‌نامه نیست.")
        }
        try reader.throwIfAny()
        guard let code, let coverCode, let cost, let base, let side else { throw AppError.malformedJSON }
        return Claimed(nationalCode: code, cover: coverCode, cost: cost, basePaid: base, sideCosts: side)
    }

    static func plan(of policy: Policy) throws -> HealthPlan {
        let inputs = try HealthPersonsDesk.inputs(of: policy)
        let tariff = try HealthTariff.forYear(try JalaliDate(parsing: policy.startDate).year)
        guard let plan = tariff.plan(inputs.plan) else {
            throw AppError.validation([FieldError(field: personNationalCode, code: "not-covered", message: "طرح این بیمه‌نامه در تعرفه نیست.")])
        }
        return plan
    }

    /// The person's cover window on `day` under this policy, the plan's cover, and the person as
    /// insured (from the policy, or for one removed since, as first listed).
    static func coverage(_ claimed: Claimed, policy: Policy, on day: JalaliDate, db: any Database)
        async throws -> (HealthPersonRecord, HealthCover, HealthPerson) {
        let key = day.description
        guard let row = try await HealthPersonRecord.query(on: db).filter(\.$policy.$id == policy.requireID())
            .filter(\.$nationalCode == claimed.nationalCode).filter(\.$coverFrom <= key).filter(\.$coverTo >= key).first() else {
            throw AppError.validation([FieldError(field: personNationalCode, code: "not-covered",
                message: "کد ملی \(Normalize.persianDigits(claimed.nationalCode)) در \(day.persianDescription) زیر پوشش این بیمه‌نامه نیست.")])
        }
        let inputs = try HealthPersonsDesk.inputs(of: policy)
        let tariff = try HealthTariff.forYear(try JalaliDate(parsing: policy.startDate).year)
        guard HealthPlan.isKnownCover(claimed.cover, in: tariff) else {
            throw AppError.validation([FieldError(field: Self.cover, code: "unknown-cover", message: "پوشش «\(claimed.cover)» شناخته نیست.")])
        }
        guard let found = try plan(of: policy).claimCover(claimed.cover, bought: inputs.optionalCovers) else {
            throw AppError.validation([FieldError(field: Self.cover, code: "not-covered", message: "پوشش «\(claimed.cover)» در طرح این بیمه‌نامه نیست.")])
        }
        guard let person = try await insured(claimed.nationalCode, policy: policy, current: inputs, on: db) else {
            throw AppError.validation([FieldError(field: personNationalCode, code: "not-covered", message: "مشخصات این بیمه‌شده در بیمه‌نامه پیدا نشد.")])
        }
        return (row, found, person)
    }

    /// The person in the policy's inputs now, else in an earlier version (the quote's, an
    /// endorsement's): a person removed by endorsement is still claimed for before the removal.
    private static func insured(_ code: String, policy: Policy, current: HealthInputs, on db: any Database) async throws -> HealthPerson? {
        if let person = current.persons.first(where: { $0.nationalCode == code }) { return person }
        var versions = [try await policy.$quote.get(on: db).inputs]
        versions += try await Endorsement.query(on: db).filter(\.$policy.$id == policy.requireID()).all().map(\.changes)
        for raw in versions {
            let version = try? JSONDecoder().decode(HealthInputs.self, from: Data(raw.utf8))
            if let inputs = version,
               let person = inputs.persons.first(where: { $0.nationalCode == code }) {
                return person
            }
        }
        return nil
    }

    /// The file's breakdown from the ceilings left by every other spending of the person (direct
    /// claims and other files' payment orders, R-SH-06), and the cost it starts from.
    static func reimbursement(_ claim: Claim, record: HealthReimbursementRecord, policy: Policy, on db: any Database)
        async throws -> (cost: Rial, breakdown: ReimbursementSettlement) {
        let plan = try plan(of: policy)
        let inputs = try HealthPersonsDesk.inputs(of: policy)
        guard let cover = plan.claimCover(record.cover, bought: inputs.optionalCovers) ?? plan.claimCover(record.cover, bought: [record.cover]) else {
            throw AppError.conflict("not-covered", "پوشش «\(record.cover)» در طرح این بیمه‌نامه نیست.")
        }
        let claimID = try claim.requireID()
        let spent = try await HealthClaimDesk.spent(person: record.nationalCode, policy: policy, cover: cover.code, excluding: claimID, on: db)
        let hospital = plan.cover(HealthReimbursement.sideCostsCover)
        let shares = record.cover == HealthReimbursement.sideCostsCover
        var hospitalLeft = Rial.zero
        if record.sideCosts > 0, !shares, let hospital {
            let used = try await HealthClaimDesk.spent(person: record.nationalCode, policy: policy, cover: hospital.code, excluding: claimID, on: db)
            hospitalLeft = try hospital.ceiling.subtracting(used)
        }
        let cost = claim.loss.map { Rial(amount: $0) } ?? Rial(amount: record.cost)
        let breakdown = try DomainErrorMapping.validating {
            try HealthClaimMath.reimburse(cost: cost, basePaid: Rial(amount: record.basePaid), franchise: plan.franchise,
                                          remainingCeiling: try cover.ceiling.subtracting(spent), sideCosts: Rial(amount: record.sideCosts),
                                          remainingHospitalization: hospitalLeft, sideCostsShareCover: shares,
                                          agreed: claim.agreedAmount.map { Rial(amount: $0) })
        }
        return (cost, breakdown)
    }
}
