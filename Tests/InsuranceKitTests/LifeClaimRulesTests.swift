import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-GL-10…12, R-CL-02/03 life claims: notice, late-notice commission and HQ, suicide, benefit")
struct LifeClaimRulesTests {
    @Test("R-CL-02/03 death 1405/02/01 notified 1405/02/15 → late, commission; 1406/01/20 → also HQ")
    func notice() throws {
        let rules = GroupLife().claimRules
        let death = try jalali("1405/02/01")
        // deadline 1405/02/01 + 10 = 1405/02/11; 1405/02/11 is on time, 1405/02/15 four days late
        #expect(try rules.checkNotice(lossDate: death, noticeDate: jalali("1405/02/11")).isLate == false)
        let late = try rules.checkNotice(lossDate: death, noticeDate: jalali("1405/02/15"))
        #expect(late.isLate && late.daysLate == 4)
        #expect(rules.lateNoticePolicy.decide(subjectUnchanged: false) == .referToCommission)
        // 9 months after the death: 1405/11/01; 1405/02/15 is before it, 1406/01/20 after
        #expect(!LifeClaimRules.needsHeadquarters(deathDate: death, noticeDate: try jalali("1405/02/15")))
        #expect(LifeClaimRules.needsHeadquarters(deathDate: death, noticeDate: try jalali("1406/01/20")))
        #expect(!LifeClaimRules.needsHeadquarters(deathDate: death, noticeDate: try jalali("1405/11/01")))   // exactly 9 months
        #expect(LifeClaimRules.needsHeadquarters(deathDate: death, noticeDate: try jalali("1405/11/02")))
    }

    @Test("R-CL-03 late-notice form: issuance figures, commission approves; past 9 months HQ decides")
    func lateNoticeReview() throws {
        let figures = LateNoticeReview.IssuanceFigures(averagePremiumLastTwoYears: 800_000_000, lastPremiumDate: try jalali("1405/01/15"),
                                                       lastPremiumAmount: 828_000_000, averageInsuredLastTwoYears: 98)
        var short = LateNoticeReview(deathDate: try jalali("1405/02/01"), noticeDate: try jalali("1405/02/15"))
        #expect(short.stage == .awaitingIssuance)
        #expect(throws: DomainError.self) { try short.commission(approve: true, agreedAmount: 1, reason: "x") }   // issuance first
        try short.addIssuanceFigures(figures)
        #expect(throws: DomainError.self) { try short.commission(approve: true, agreedAmount: nil, reason: "پرتفوی خوب") }
        #expect(throws: DomainError.self) { try short.commission(approve: true, agreedAmount: 1_000_000_000, reason: "  ") }
        try short.commission(approve: true, agreedAmount: 1_000_000_000, reason: "پرتفوی خوب بیمه‌گذار")
        #expect(short.stage == .approved && short.agreedAmount == 1_000_000_000)

        var long = LateNoticeReview(deathDate: try jalali("1405/02/01"), noticeDate: try jalali("1406/01/20"))
        try long.addIssuanceFigures(figures)
        try long.commission(approve: true, agreedAmount: 900_000_000, reason: "پرتفوی خوب")
        #expect(long.stage == .awaitingHeadquarters)
        try long.headquarters(approve: false, reason: "تأخیر بیش از حد")
        #expect(long.stage == .rejected)

        var refused = LateNoticeReview(deathDate: try jalali("1405/02/01"), noticeDate: try jalali("1406/01/20"))
        try refused.addIssuanceFigures(figures)
        try refused.commission(approve: false, agreedAmount: nil, reason: "بدون توجیه")
        #expect(refused.stage == .rejected)   // a rejection never goes to HQ
        #expect(throws: DomainError.self) { try refused.headquarters(approve: true, reason: "x") }
    }

    @Test("R-GL-10 suicide in year 3 excluded, in year 4 covered; the last day of year 3 is still excluded")
    func suicide() throws {
        let start = try jalali("1405/01/10")
        #expect(LifeClaimRules.isExcluded(cause: .suicide, deathDate: try jalali("1407/12/01"), coverStart: start))   // year 3
        #expect(LifeClaimRules.isExcluded(cause: .suicide, deathDate: try jalali("1408/01/10"), coverStart: start))   // to 24:00
        #expect(!LifeClaimRules.isExcluded(cause: .suicide, deathDate: try jalali("1408/01/11"), coverStart: start))  // year 4
        #expect(!LifeClaimRules.isExcluded(cause: .illness, deathDate: try jalali("1405/02/01"), coverStart: start))
    }

    @Test("R-GL-12 accidental death pays both covers; illness the death cover; early suicide nothing")
    func benefit() throws {
        let start = try jalali("1405/01/10"), death = try jalali("1405/06/01")
        let both: [GroupLifeCover] = [.death, .accidentalDeath]
        // 1,000,000,000 + 1,000,000,000 = 2,000,000,000
        let accident = LifeClaimRules.benefit(sumInsured: 1_000_000_000, covers: both, cause: .accident, deathDate: death, coverStart: start)
        #expect(accident.map(\.code) == ["death", "accidental-death"])
        #expect(try Rial.sum(accident.map(\.amount)) == 2_000_000_000)
        #expect(LifeClaimRules.benefit(sumInsured: 1_000_000_000, covers: both, cause: .illness, deathDate: death, coverStart: start)
            .map(\.amount) == [1_000_000_000])
        #expect(LifeClaimRules.benefit(sumInsured: 1_000_000_000, covers: [.death], cause: .accident, deathDate: death, coverStart: start)
            .map(\.amount) == [1_000_000_000])
        #expect(LifeClaimRules.benefit(sumInsured: 1_000_000_000, covers: both, cause: .suicide, deathDate: death, coverStart: start).isEmpty)
    }

    @Test("R-GL-10 D-GL-DEATH: government-employee and murder documents are conditional")
    func checklist() {
        let documents = GroupLife.deathChecklist.documents
        let always = documents.filter { $0.isRequired(when: []) }.map(\.code)
        #expect(always == ["beneficiary-request", "policy-and-endorsements", "premium-receipt", "death-certificate-summary", "cause-of-death"])
        let employee = documents.filter { $0.isRequired(when: ["government-employee"]) }.map(\.code)
        #expect(employee.contains("employment-order") && employee.contains("last-payslip") && employee.contains("accident-report"))
        #expect(!employee.contains("court-ruling"))
        #expect(documents.filter { $0.isRequired(when: ["murder"]) }.map(\.code).contains("court-ruling"))
        #expect(!TermLife.deathChecklist.documents.contains { $0.code == "employment-order" })
    }
}
