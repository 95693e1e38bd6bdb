import Fluent
import Foundation
import InsuranceKit
import SQLKit

/// R-GL-06/07: the doctor's outcome per member and the final premium over the admitted ones.
enum GroupLifeUnderwritingDesk {
    struct Outcome: Sendable {
        var outcome: String?
        var extraPercent: Percent?
    }

    /// Reads the API's `{outcome, extraPercent?}`: `unknown-outcome`, `extra-percent-required`
    /// (an extra without its percent), `extra-percent-not-allowed` (a percent with another outcome).
    static func medicalOutcome(_ body: Outcome) throws -> MedicalOutcome {
        let outcome: MedicalOutcome
        switch body.outcome {
        case "accept": outcome = .accept
        case "more-tests": outcome = .moreTests
        case "decline": outcome = .decline
        case "extra":
            guard let percent = body.extraPercent else {
                throw AppError.validation([FieldError(field: "extraPercent", code: "extra-percent-required", message: "درصد اضافه‌نرخ پزشکی را وارد کنید.")])
            }
            return .extra(percent)
        default:
            throw AppError.validation([FieldError(field: "outcome", code: "unknown-outcome",
                                                  message: "نتیجهٔ بررسی پزشکی یکی از accept، extra، more-tests یا decline است.")])
        }
        guard body.extraPercent == nil else {
            throw AppError.validation([FieldError(field: "extraPercent", code: "extra-percent-not-allowed", message: "درصد اضافه‌نرخ فقط با نتیجهٔ extra می‌آید.")])
        }
        return outcome
    }

    static func admission(of member: GroupLifeMemberRecord) throws -> MemberAdmission {
        switch MemberStanding(rawValue: member.status) {
        case .admitted: .admitted(extra: try member.extraPercent.map { try Percent(parsing: $0) } ?? .zero)
        case .pending: .pending(referred: false)
        case .referred: .pending(referred: true)
        case .declined, nil: .declined
        }
    }

    /// R-GL-06: records the doctor's outcome for member `row` of a registered contract.
    static func record(_ body: Outcome, policyID: UUID?, row: Int?, principal: Principal, in work: UnitOfWork) async throws -> GroupLifeMemberRecord {
        let outcome = try medicalOutcome(body)
        let policy = try await GroupLifeDesk.policy(policyID, for: principal, on: work.db)
        let id = try policy.requireID()
        guard policy.status == .registered else {
            throw AppError(.conflict, code: "underwriting-after-issue", detail: "پس از صدور، نتیجهٔ پزشکی با الحاقیه ثبت می‌شود.")
        }
        // the final premium was priced over the standings as they were: a later outcome would leave it stale
        guard try await GroupLifeFinalPremiumDesk.record(of: id, on: work.db) == nil else {
            throw AppError(.conflict, code: "underwriting-after-final-premium",
                           detail: "حق بیمهٔ قطعی این قرارداد تعیین شده است؛ نتیجهٔ پزشکی تازه را پس از صدور با الحاقیه ثبت کنید.")
        }
        guard let row, let member = try await GroupLifeMemberRecord.query(on: work.db).filter(\.$policy.$id == id).filter(\.$row == row).first() else {
            throw AppError.notFound("بیمه‌شدهٔ این ردیف")
        }
        let before = member.status
        let tariff = try LifeTariff.forYear(try JalaliDate(parsing: policy.startDate).year)
        let next = try DomainErrorMapping.validating(defaultField: "outcome") {
            try admission(of: member).applying(outcome, maxExtra: tariff.maxExtraPercent)
        }
        member.status = MemberStanding(next).rawValue
        if case .admitted(let extra) = next, extra > .zero { member.extraPercent = extra.description } else { member.extraPercent = nil }
        try await member.save(on: work.db)
        try await work.audit("group-life.member-underwritten", entity: "policy", id: id.uuidString,
                             before: ["row": String(row), "status": before],
                             after: ["row": String(row), "outcome": outcome.code, "status": member.status, "extraPercent": member.extraPercent ?? ""])
        return member
    }

    struct FinalPremium: Sendable {
        var lines: [QuoteLine]
        var total: Rial
        var admitted: Int
        var pending: Int
        var declined: Int
    }

    /// R-GL-07: lines `death`, `accidental-death` and `medical-extra` over the admitted members.
    static func finalPremium(policyID: UUID?, principal: Principal, on db: any Database) async throws -> FinalPremium {
        let policy = try await GroupLifeDesk.policy(policyID, for: principal, on: db)
        let inputs = try StoredJSON.decode(GroupLifeInputs.self, from: policy.inputs, what: "policy.inputs")
        let tariff = try LifeTariff.forYear(try JalaliDate(parsing: policy.startDate).year)
        guard let klass = tariff.groupClass(inputs.occupationalClass), let sql = db as? any SQLDatabase else {
            throw AppError.notFound("طبقهٔ شغلی قرارداد")
        }
        // one row per standing and percent: the members are counted by the database
        let rows = try await sql.raw("""
            SELECT status, extra_percent, COUNT(*) AS members FROM group_life_members
            WHERE policy_id = \(bind: try policy.requireID()) GROUP BY status, extra_percent
            """).all()
        var admitted: [Percent: Int] = [:]
        var pending = 0, declined = 0
        for row in rows {
            let count = try row.decode(column: "members", as: Int.self)
            switch MemberStanding(rawValue: try row.decode(column: "status", as: String.self)) {
            case .admitted:
                let extra = try (try row.decode(column: "extra_percent", as: String?.self)).map { try Percent(parsing: $0) } ?? .zero
                admitted[extra, default: 0] += count
            case .pending, .referred: pending += count
            case .declined, nil: declined += count
            }
        }
        let premium = GroupLifePremium(sumInsured: inputs.sumInsured, occupationalClass: klass, covers: inputs.covers)
        let lines = try premium.finalLines(admitted: admitted)
        return FinalPremium(lines: lines, total: try Rial.sum(lines.map(\.amount)), admitted: admitted.values.reduce(0, +),
                            pending: pending, declined: declined)
    }
}
