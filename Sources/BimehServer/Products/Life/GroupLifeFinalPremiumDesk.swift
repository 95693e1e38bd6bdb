import Fluent
import Foundation
import InsuranceKit

/// R-GL-07/08: the final premium becomes the contract's premium through one final-premium
/// endorsement, before the customer pays it by cheque (the generic payment flow). Members not
/// admitted (declined, removed by the policyholder's letter, or still awaiting the doctor) are
/// not in it.
enum GroupLifeFinalPremiumDesk {
    static func record(of policyID: UUID, on db: any Database) async throws -> GroupLifeFinalPremiumRecord? {
        try await GroupLifeFinalPremiumRecord.query(on: db).filter(\.$policy.$id == policyID).first()
    }

    /// Once per contract, after the member list and before any payment or the issue.
    static func settle(policyID: UUID?, principal: Principal, in work: UnitOfWork) async throws -> GroupLifeFinalPremiumRecord {
        let policy = try await GroupLifeDesk.policy(policyID, for: principal, on: work.db)
        let id = try policy.requireID()
        if try await record(of: id, on: work.db) != nil {
            throw AppError(.conflict, code: "final-premium-already-settled", detail: "الحاقیهٔ حق بیمهٔ قطعی این قرارداد پیش‌تر صادر شده است.")
        }
        guard policy.status == .registered else {
            throw AppError(.conflict, code: "final-premium-after-issue", detail: "حق بیمهٔ قطعی پیش از صدور قرارداد تعیین می‌شود.")
        }
        guard try await GroupLifeDesk.contract(of: id, on: work.db) != nil else {
            throw AppError(.conflict, code: "contract-not-numbered", detail: "پیش از حق بیمهٔ قطعی، قرارداد باید شماره بگیرد و فهرست بیمه‌شدگان برسد.")
        }
        guard try await GroupLifeMemberRecord.query(on: work.db).filter(\.$policy.$id == id).count() > 0 else {
            throw AppError(.conflict, code: "member-list-missing", detail: "فهرست بیمه‌شدگان هنوز نرسیده است؛ حق بیمهٔ قطعی بر پایهٔ بیمه‌شدگان پذیرفته‌شده محاسبه می‌شود.")
        }
        let live = try await Payment.query(on: work.db).filter(\.$policy.$id == id).filter(\.$status ~~ [.held, .pending, .collected]).count()
        guard live == 0 else {
            throw AppError(.conflict, code: "final-premium-after-payment",
                           detail: "برای این قرارداد پیش‌تر پرداختی ثبت شده است؛ حق بیمهٔ قطعی پیش از پرداخت تعیین می‌شود.")
        }
        let final = try await GroupLifeUnderwritingDesk.finalPremium(policyID: id, principal: principal, on: work.db)
        guard final.admitted > 0 else {
            throw AppError.validation([FieldError(field: "members", code: "no-admitted-members", message: "هیچ بیمه‌شده‌ای پذیرفته نشده است؛ حق بیمهٔ قطعی صفر نمی‌شود.")])
        }
        let ledger = try await PolicyLedger.load(policy, on: work.db)
        let delta = try GroupFinalPremium.delta(charged: ledger.charged, final: final.total)
        let rows = try await ScheduleEntry.query(on: work.db).filter(\.$policy.$id == id).sort(\.$seq).all()
        let before = rows.map(\.amount)
        let lines = try DomainErrorMapping.validating(defaultField: "members") {
            try GroupFinalPremium.schedule(rows.map { Rial(amount: $0.amount) }, final: final.total)
        }
        for (row, line) in zip(rows, lines) where row.amount != line.amount {
            row.amount = line.amount
            try await row.save(on: work.db)
        }
        let today = JalaliDate(date: work.now)
        let endorsement = Endorsement()
        endorsement.$policy.id = id
        endorsement.number = try await Endorsement.query(on: work.db).filter(\.$policy.$id == id).count() + 1
        endorsement.kind = EndorsementMath.kind(for: delta).rawValue
        endorsement.status = .issued
        endorsement.effectiveDate = policy.startDate
        endorsement.changes = policy.inputs
        endorsement.description = "الحاقیهٔ حق بیمهٔ قطعی: \(Normalize.persianDigits(String(final.admitted))) بیمه‌شدهٔ پذیرفته‌شده"
        endorsement.premiumDelta = delta.amount
        endorsement.annualPremiumBefore = policy.annualPremium
        endorsement.annualPremiumAfter = final.total.amount
        endorsement.sumInsuredAfter = policy.sumInsured
        endorsement.$createdBy.id = principal.userID
        try await endorsement.create(on: work.db)
        policy.annualPremium = final.total.amount
        policy.version += 1
        try await policy.save(on: work.db)
        let record = GroupLifeFinalPremiumRecord()
        record.$policy.id = id
        record.$endorsement.id = try endorsement.requireID()
        record.registered = ledger.charged.amount
        record.total = final.total.amount
        record.lines = try QuoteDesk.json(final.lines)
        record.admitted = final.admitted
        record.pending = final.pending
        record.declined = final.declined
        record.settledOn = today.description
        try await record.create(on: work.db)
        try await work.audit("group-life.final-premium", entity: "policy", id: id.uuidString,
                             before: ["premium": String(ledger.charged.amount), "schedule": before.map(String.init).joined(separator: " ")],
                             after: ["premium": String(final.total.amount), "delta": String(delta.amount), "endorsement": String(endorsement.number),
                                     "admitted": String(final.admitted), "pending": String(final.pending), "declined": String(final.declined),
                                     "schedule": lines.map { String($0.amount) }.joined(separator: " ")])
        return record
    }
}
