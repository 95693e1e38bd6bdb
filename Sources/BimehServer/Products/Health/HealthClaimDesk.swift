import Fluent
import Foundation
import InsuranceKit

/// Direct claims at contracted centers and introduction letters (R-SH-04…07): the answer comes at
/// once — covered or not, payable and the insured's share — and what it pays is spent from the
/// person's cover ceiling for the policy year in the same transaction. Writes are serialized
/// (UnitOfWork), so two claims on one person never spend a ceiling twice.
enum HealthClaimDesk {
    struct Request: Sendable {
        var nationalCode: String
        var serviceDate: JalaliDate
        var cover: String
        var cost: Rial
        var basePaid: Rial
        var introduction: String?
    }

    struct Outcome: Sendable {
        var claim: HealthClaim
        var settlement: HealthClaimSettlement
    }

    static func submit(_ request: Request, principal: Principal, in work: UnitOfWork) async throws -> Outcome {
        let center = try await centerOf(principal, on: work.db)
        try DomainErrorMapping.validating { try HealthCalendar.checkServiceDate(request.serviceDate, today: JalaliDate(date: work.now)) }
        try await HealthStatementDesk.checkOpen(center: center, serviceDate: request.serviceDate, on: work.db)
        let (row, policy, plan, cover) = try await coverage(request.nationalCode, cover: request.cover, on: request.serviceDate, db: work.db)
        var letter: HealthIntroduction?
        if cover.needsIntroduction {
            letter = try await introduction(request, center: center, on: work.db)
        }
        let spent = try await spent(person: request.nationalCode, policy: policy, cover: cover.code, on: work.db)
        let settlement = try DomainErrorMapping.validating {
            try HealthClaimMath.settle(cost: request.cost, basePaid: request.basePaid, franchise: plan.franchise,
                                       remainingCeiling: try cover.ceiling.subtracting(spent))
        }
        let claim = HealthClaim()
        claim.$policy.id = try policy.requireID()
        claim.$person.id = try row.requireID()
        claim.$center.id = try center.requireID()
        claim.cover = cover.code
        claim.serviceDate = request.serviceDate.description
        claim.month = HealthCalendar.month(of: request.serviceDate)
        claim.cost = request.cost.amount
        claim.basePaid = request.basePaid.amount
        claim.payable = settlement.payable.amount
        claim.insuredShare = settlement.insuredShare.amount
        claim.lines = try QuoteDesk.json(settlement.lines)
        claim.introductionID = letter?.id
        claim.$createdBy.id = principal.userID
        try await claim.create(on: work.db)
        if let letter {
            letter.usedByClaim = claim.id
            try await letter.save(on: work.db)
        }
        try await work.audit("health.direct-claim", entity: "policy", id: try policy.requireID().uuidString,
                             after: ["person": request.nationalCode, "cover": cover.code, "center": center.code, "cost": String(request.cost.amount),
                                     "payable": String(settlement.payable.amount), "claim": try claim.requireID().uuidString])
        return Outcome(claim: claim, settlement: settlement)
    }

    /// R-SH-07: an introduction letter for a person covered today, a contracted center and a
    /// cover of the person's policy; numbered in the secretariat, valid 30 days.
    static func introduce(nationalCode: String, centerCode: String, cover code: String, principal: Principal,
                          in work: UnitOfWork) async throws -> HealthIntroduction {
        let today = JalaliDate(date: work.now)
        guard let center = try await HealthCenter.query(on: work.db).filter(\.$code == centerCode).first(), center.contracted else {
            throw AppError.validation([FieldError(field: "center", code: "unknown-center", message: "مرکز طرف قراردادی با این کد نیست.")])
        }
        let (_, _, _, cover) = try await coverage(nationalCode, cover: code, on: today, db: work.db)
        let letter = HealthIntroduction()
        letter.number = "\(today.year)/\(try await work.nextNumber(.secretariat, year: today.year))"
        letter.nationalCode = nationalCode
        letter.$center.id = try center.requireID()
        letter.cover = cover.code
        letter.issuedOn = today.description
        letter.validTo = HealthCalendar.introductionValidTo(issuedOn: today).description
        letter.$createdBy.id = principal.userID
        try await letter.create(on: work.db)
        try await work.audit("health.introduction", entity: "health-introduction", id: try letter.requireID().uuidString,
                             after: ["number": letter.number, "person": nationalCode, "center": center.code, "cover": cover.code, "validTo": letter.validTo])
        return letter
    }

    /// The contracted center the provider works for.
    static func centerOf(_ principal: Principal, on db: any Database) async throws -> HealthCenter {
        guard let staff = try await HealthCenterStaff.query(on: db).filter(\.$user.$id == principal.userID).with(\.$center).first(),
              staff.center.contracted else {
            throw AppError(.forbidden, code: "not-a-center-provider", detail: "این کاربر از سوی هیچ مرکز طرف قراردادی خسارت ثبت نمی‌کند.")
        }
        return staff.center
    }

    /// The person's cover on `day` under an issued health policy of this insurer, and the plan's cover.
    static func coverage(_ nationalCode: String, cover code: String, on day: JalaliDate, db: any Database)
        async throws -> (HealthPersonRecord, Policy, HealthPlan, HealthCover) {
        let key = day.description
        let rows = try await HealthPersonRecord.query(on: db).filter(\.$nationalCode == nationalCode)
            .filter(\.$coverFrom <= key).filter(\.$coverTo >= key).with(\.$policy).all()
        guard let row = rows.first(where: { $0.policy.status != .registered }) else {
            throw notCovered("کد ملی \(Normalize.persianDigits(nationalCode)) در \(day.persianDescription) زیر پوشش بیمهٔ درمانی این بیمه‌گر نیست.")
        }
        let inputs = try HealthPersonsDesk.inputs(of: row.policy)
        let tariff = try HealthTariff.forYear(try JalaliDate(parsing: row.policy.startDate).year)
        guard let plan = tariff.plan(inputs.plan) else { throw notCovered("طرح این بیمه‌نامه در تعرفه نیست.") }
        guard HealthPlan.isKnownCover(code, in: tariff) else {
            throw AppError.validation([FieldError(field: "cover", code: "unknown-cover", message: "پوشش «\(code)» شناخته نیست.")])
        }
        // one reading of the plan's covers for both paths (organ purchase included, R-SH-06)
        guard let cover = plan.claimCover(code, bought: inputs.optionalCovers) else {
            throw notCovered("پوشش «\(code)» در طرح این بیمه‌شده نیست.")
        }
        return (row, row.policy, plan, cover)
    }

    /// What earlier claims paid of the person's cover under this policy (its one policy year):
    /// direct claims and reimbursement files' payment orders alike (R-SH-06), but for the file
    /// `excluding` whose own breakdown is asked.
    static func spent(person: String, policy: Policy, cover: String, excluding file: UUID? = nil, on db: any Database) async throws -> Rial {
        let rows = try await HealthPersonRecord.query(on: db).filter(\.$policy.$id == policy.requireID()).filter(\.$nationalCode == person).all()
        let claims = try await HealthClaim.query(on: db).filter(\.$person.$id ~~ rows.compactMap(\.id)).filter(\.$cover == cover).all()
        return try Rial.sum(claims.filter { file == nil || $0.claimID != file }.map { Rial(amount: $0.payable) })
    }

    private static func introduction(_ request: Request, center: HealthCenter, on db: any Database) async throws -> HealthIntroduction {
        guard let number = request.introduction.map(Normalize.identifier), !number.isEmpty else {
            throw AppError.validation([FieldError(field: "introduction", code: "introduction-required",
                                                  message: "این پوشش بی معرفی‌نامهٔ بیمه‌گر پذیرفته نمی‌شود؛ شمارهٔ معرفی‌نامه را وارد کنید.")])
        }
        guard let letter = try await HealthIntroduction.query(on: db).filter(\.$number == number).first(),
              letter.nationalCode == request.nationalCode, letter.$center.id == center.id, letter.cover == request.cover else {
            throw AppError.validation([FieldError(field: "introduction", code: "introduction-invalid",
                                                  message: "معرفی‌نامهٔ \(Normalize.persianDigits(number)) برای این بیمه‌شده، این مرکز و این پوشش نیست.")])
        }
        do {
            try HealthCalendar.checkIntroduction(serviceDate: request.serviceDate, issuedOn: try JalaliDate(parsing: letter.issuedOn),
                                                 validTo: try JalaliDate(parsing: letter.validTo), used: letter.usedByClaim != nil, number: number)
        } catch let error as DomainError where error.code == "introduction-used" {
            throw AppError.conflict(error.code, error.message)
        }
        return letter
    }

    private static func notCovered(_ message: String) -> AppError {
        AppError.validation([FieldError(field: "nationalCode", code: "not-covered", message: message)])
    }
}
