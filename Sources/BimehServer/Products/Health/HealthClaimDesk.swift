import Fluent
import Foundation
import InsuranceKit
import SQLKit

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

    /// `center` is the provider's (`centerOf`, read before the write like the sign-in: who the
    /// provider works for is not what concurrent claims contend on); whether its month is closed
    /// is read with the person's cover, inside the write.
    static func submit(_ request: Request, center: HealthCenter, principal: Principal, in work: UnitOfWork) async throws -> Outcome {
        try DomainErrorMapping.validating { try HealthCalendar.checkServiceDate(request.serviceDate, today: JalaliDate(date: work.now)) }
        let covered = try await coverage(request.nationalCode, cover: request.cover, on: request.serviceDate,
                                         openAt: try center.requireID(), db: work.db)
        var letter: HealthIntroduction?
        if covered.cover.needsIntroduction {
            letter = try await introduction(request, center: center, on: work.db)
        }
        let settlement = try DomainErrorMapping.validating {
            try HealthClaimMath.settle(cost: request.cost, basePaid: request.basePaid, franchise: covered.plan.franchise,
                                       remainingCeiling: try covered.cover.ceiling.subtracting(covered.spent))
        }
        let claim = HealthClaim()
        claim.$policy.id = covered.policyID
        claim.$person.id = covered.personID
        claim.$center.id = try center.requireID()
        claim.cover = covered.cover.code
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
        try await work.audit("health.direct-claim", entity: "policy", id: covered.policyID.uuidString,
                             after: ["person": request.nationalCode, "cover": covered.cover.code, "center": center.code, "cost": String(request.cost.amount),
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
        let cover = try await coverage(nationalCode, cover: code, on: today, db: work.db).cover
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
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        let row = try await sql.raw("""
            SELECT c.id, c.code, c.name, c.contracted FROM health_center_staff s JOIN health_centers c ON c.id = s.center_id
            WHERE s.user_id = \(bind: principal.userID)
            """).first()
        guard let row, try row.decode(column: "contracted", as: Bool.self) else {
            throw AppError(.forbidden, code: "not-a-center-provider", detail: "این کاربر از سوی هیچ مرکز طرف قراردادی خسارت ثبت نمی‌کند.")
        }
        let center = HealthCenter(code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
                                  contracted: true)
        center.id = try row.decode(column: "id", as: UUID.self)
        return center
    }

    /// A person's cover on a day: their row and policy, the plan and its cover, and what earlier
    /// claims paid of that cover under the policy (R-SH-06: the policy is its one policy year).
    struct Covered: Sendable {
        var personID: UUID
        var policyID: UUID
        var plan: HealthPlan
        var cover: HealthCover
        var spent: Rial
    }

    /// The person's cover on `day` under an issued health policy of this insurer. One indexed
    /// read for the person, the policy and the ceiling spent — and, for a claim at a center
    /// (`openAt`), whether accounting has approved (closed) that center's month: "statement-closed"
    /// comes before the person's cover is looked at. The plan comes from the policy's inputs,
    /// decoded once per policy version (HealthPolicyPlans).
    static func coverage(_ nationalCode: String, cover code: String, on day: JalaliDate, openAt center: UUID? = nil,
                         db: any Database) async throws -> Covered {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        let key = day.description
        let month = HealthCalendar.month(of: day)
        // one row at least (the closed count), then one per covering person row
        let rows = try await sql.raw("""
            SELECT (SELECT COUNT(*) FROM health_statements st WHERE st.center_id = \(bind: center) AND st.month = \(bind: month)) AS closed,
                   cov.id, cov.policy_id, cov.status, cov.start_date, cov.version, cov.spent
            FROM (SELECT 1 AS one) o LEFT JOIN (
                SELECT hp.id, hp.policy_id, p.status, p.start_date, p.version,
                       (SELECT CAST(COALESCE(SUM(c.payable), 0) AS BIGINT) FROM health_claims c JOIN health_persons h2 ON h2.id = c.person_id
                        WHERE h2.policy_id = hp.policy_id AND h2.national_code = hp.national_code AND c.cover = \(bind: code)) AS spent
                FROM health_persons hp JOIN policies p ON p.id = hp.policy_id
                WHERE hp.national_code = \(bind: nationalCode) AND hp.cover_from <= \(bind: key) AND hp.cover_to >= \(bind: key)
            ) cov ON 1 = 1
            """).all()
        if let first = rows.first, try first.decode(column: "closed", as: Int.self) > 0 { throw HealthStatementDesk.closed(month) }
        guard let row = try rows.first(where: {
            guard let status = try $0.decode(column: "status", as: String?.self) else { return false }
            return status != Policy.Status.registered.rawValue
        }) else {
            throw notCovered("کد ملی \(Normalize.persianDigits(nationalCode)) در \(day.persianDescription) زیر پوشش بیمهٔ درمانی این بیمه‌گر نیست.")
        }
        let policyID = try row.decode(column: "policy_id", as: UUID.self)
        let facts = try await HealthPolicyPlans.shared.facts(policyID: policyID, version: try row.decode(column: "version", as: Int.self), on: sql)
        let tariff = try HealthTariff.forYear(try JalaliDate(parsing: try row.decode(column: "start_date", as: String.self)).year)
        guard let plan = tariff.plan(facts.plan) else { throw notCovered("طرح این بیمه‌نامه در تعرفه نیست.") }
        guard HealthPlan.isKnownCover(code, in: tariff) else {
            throw AppError.validation([FieldError(field: "cover", code: "unknown-cover", message: "پوشش «\(code)» شناخته نیست.")])
        }
        // one reading of the plan's covers for both paths (organ purchase included, R-SH-06)
        guard let cover = plan.claimCover(code, bought: facts.optionalCovers) else {
            throw notCovered("پوشش «\(code)» در طرح این بیمه‌شده نیست.")
        }
        return Covered(personID: try row.decode(column: "id", as: UUID.self), policyID: policyID, plan: plan, cover: cover,
                       spent: Rial(amount: try row.decode(column: "spent", as: Int64.self)))
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
