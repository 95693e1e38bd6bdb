import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-SH-08 health reimbursement: the D-SH checklist, organ purchase, side costs")
struct HealthReimbursementTests {
    let service = try! JalaliDate(parsing: "1405/01/10")

    func person(_ birth: String, _ sex: HealthPerson.Sex, _ relation: HealthPerson.Relation) -> HealthPerson {
        HealthPerson(nationalCode: "0013542419", birthDate: try! JalaliDate(parsing: birth), sex: sex, relation: relation)
    }

    @Test("R-SH-08/R-CL-02 a reimbursement is noticed within 10 days of the service; the head decides a late one")
    func noticeRules() throws {
        let rules = SupplementaryHealth().claimRules
        // service 1405/01/10 + 10 days = 1405/01/20: on time on the 20th, one day late on the 21st (day 11)
        #expect(try rules.checkNotice(lossDate: service, noticeDate: try JalaliDate(parsing: "1405/01/20")).isLate == false)
        let late = try rules.checkNotice(lossDate: service, noticeDate: try JalaliDate(parsing: "1405/01/21"))
        #expect(late.isLate && late.daysLate == 1)
        #expect(rules.lateNoticePolicy == .headDecides)
        #expect(rules.lateNoticePolicy.decider == .head && rules.lateNoticePolicy.decisionNeedsReason)
        #expect(rules.lateNoticePolicy.decide(subjectUnchanged: true) == .accept)
        #expect(rules.lateNoticePolicy.decide(subjectUnchanged: false) == .reject)
        // the other lines keep their deciders: the expert for computer, nobody for third party
        #expect(LateNoticePolicy.acceptIfSubjectUnchanged.decider == .claims)
        #expect(LateNoticePolicy.accept.decider == nil)
        // one case, the default of a notice naming none
        #expect(SupplementaryHealth().claimCases.map(\.claimCase) == [.reimbursement])
        #expect(SupplementaryHealth().defaultClaimCase == .reimbursement)
        #expect(ComputerInsurance().defaultClaimCase == .general)
    }

    @Test("R-CL-06 D-SH: a daughter of 18 needs her birth certificate, a son of 20 his study certificate; maternity, base share, side costs")
    func conditions() throws {
        // daughter born 1387/01/10 is 18 on 1405/01/10; paraclinic, nothing from the base insurer
        let daughter = HealthReimbursement.conditions(cover: "paraclinic", person: person("1387/01/10", .female, .child),
                                                      serviceDate: service, basePaid: .zero, sideCosts: .zero)
        #expect(daughter == ["maternity-or-adult-daughter", "paraclinic-services"])
        // a day younger (born 1387/01/11): 17, no birth certificate
        #expect(!HealthReimbursement.conditions(cover: "paraclinic", person: person("1387/01/11", .female, .child), serviceDate: service,
                                                basePaid: .zero, sideCosts: .zero).contains("maternity-or-adult-daughter"))
        // son born 1385/01/10: 20 → study certificate; hospitalization with a base share and side costs
        let son = HealthReimbursement.conditions(cover: "hospitalization", person: person("1385/01/10", .male, .child),
                                                 serviceDate: service, basePaid: 1, sideCosts: 1)
        #expect(son == ["son-18-25", "base-insurer-paid", "hospital-stay", "side-costs"])
        // son of 26 (born 1379/01/10): none for his age
        #expect(!HealthReimbursement.conditions(cover: "dental", person: person("1379/01/10", .male, .child), serviceDate: service,
                                                basePaid: .zero, sideCosts: .zero).contains("son-18-25"))
        // the main insured's maternity: birth certificate and the hospital's papers
        #expect(HealthReimbursement.conditions(cover: "maternity", person: person("1370/01/01", .female, .main), serviceDate: service,
                                               basePaid: .zero, sideCosts: .zero) == ["maternity-or-adult-daughter", "hospital-stay"])
        // the checklist: booklet copies and original invoices always; the others exactly when their condition holds
        let missing = DocumentChecklists.missing(required: HealthReimbursement.checklist, received: [], conditions: son)
        #expect(missing.map(\.code) == ["study-certificate", "booklet-copies", "original-invoices", "certified-invoices", "cashier-receipt",
                                        "surgery-certificates", "side-surgery-report", "side-doctor-approval", "side-cost-statement"])
        #expect(DocumentChecklists.missing(required: HealthReimbursement.checklist, received: [], conditions: []).map(\.code)
                == ["booklet-copies", "original-invoices"])
    }

    @Test("R-SH-06 organ purchase: its own ceiling, the hospitalization cover's annual one; unbought options are not covers")
    func organPurchase() throws {
        let silver = try #require(try HealthTariff.forYear(1405).plan("silver"))
        // silver hospitalization 1,000,000,000 a year → organ purchase up to 1,000,000,000
        #expect(silver.claimCover("organ-purchase", bought: [])?.ceiling == 1_000_000_000)
        #expect(silver.claimCover("dental", bought: [])  == nil)
        // T-SH dental: silver 30,000,000, gold 60,000,000
        #expect(silver.claimCover("dental", bought: ["dental"])?.ceiling == 30_000_000)
        #expect(HealthPlan.isKnownCover("organ-purchase", in: try HealthTariff.forYear(1405)))
        #expect(!HealthPlan.isKnownCover("massage", in: try HealthTariff.forYear(1405)))
    }

    @Test("R-SH-04 the issue's examples through the reimbursement: 70,000,000; 80,000,000; 50,000,000 with a ceiling-reduction")
    func issueExamples() throws {
        // cost 100,000,000, base 30,000,000 ≥ franchise 20 % = 20,000,000 → 100,000,000 − 30,000,000 = 70,000,000
        let high = try HealthClaimMath.reimburse(cost: 100_000_000, basePaid: 30_000_000, franchise: Percent(20), remainingCeiling: 1_000_000_000)
        #expect(high.payable == 70_000_000 && high.lines.map(\.code) == ["cost", "base-insurer"])
        // base 5,000,000 < 20,000,000: 100,000,000 − 20,000,000 = 80,000,000 (base-insurer −5,000,000, franchise −15,000,000)
        let low = try HealthClaimMath.reimburse(cost: 100_000_000, basePaid: 5_000_000, franchise: Percent(20), remainingCeiling: 1_000_000_000)
        #expect(low.payable == 80_000_000 && low.lines.map(\.amount) == [100_000_000, -5_000_000, -15_000_000])
        // 50,000,000 left: 80,000,000 − 30,000,000 ceiling-reduction = 50,000,000
        let capped = try HealthClaimMath.reimburse(cost: 100_000_000, basePaid: 5_000_000, franchise: Percent(20), remainingCeiling: 50_000_000)
        #expect(capped.payable == 50_000_000 && capped.lines.last?.code == "ceiling-reduction" && capped.lines.last?.amount == -30_000_000)
        #expect(capped.coverPaid == 50_000_000 && capped.sideCostsPaid == 0)
    }

    @Test("R-SH-05/06 side costs are paid within the hospitalization ceiling left, without franchise")
    func sideCosts() throws {
        // paraclinic 10,000,000, no base: 10,000,000 − 20 % = 8,000,000; lens 30,000,000 but 12,000,000 of hospitalization left
        let beyond = try HealthClaimMath.reimburse(cost: 10_000_000, basePaid: .zero, franchise: Percent(20), remainingCeiling: 100_000_000,
                                                   sideCosts: 30_000_000, remainingHospitalization: 12_000_000)
        #expect(beyond.lines.map(\.code) == ["cost", "base-insurer", "franchise", "side-costs", "side-costs-ceiling-reduction"])
        // 30,000,000 − 12,000,000 = 18,000,000 not paid; 8,000,000 + 12,000,000 = 20,000,000
        #expect(beyond.lines.suffix(2).map(\.amount) == [30_000_000, -18_000_000])
        #expect(beyond.payable == 20_000_000 && beyond.coverPaid == 8_000_000 && beyond.sideCostsPaid == 12_000_000)
        // a hospitalization claim shares the ceiling with its side costs: 100,000,000 left; the stay pays
        // 100,000,000 − 20,000,000 franchise = 80,000,000, leaving 20,000,000 for a 30,000,000 prosthesis
        let shared = try HealthClaimMath.reimburse(cost: 100_000_000, basePaid: .zero, franchise: Percent(20), remainingCeiling: 100_000_000,
                                                   sideCosts: 30_000_000, sideCostsShareCover: true)
        #expect(shared.payable == 100_000_000 && shared.sideCostsPaid == 20_000_000)
        #expect(shared.lines.last?.amount == -10_000_000)
        #expect(throws: DomainError.self) {
            try HealthClaimMath.reimburse(cost: 1, basePaid: .zero, franchise: Percent(20), remainingCeiling: 1, sideCosts: -1)
        }
    }

    @Test("R-CL-09 an agreed amount keeps the side costs' part, the rest to the cover, never above the ceilings")
    func agreed() throws {
        // assessed 8,000,000 + 12,000,000 = 20,000,000; agreed 25,000,000: side costs keep 12,000,000,
        // the cover takes 25,000,000 − 12,000,000 = 13,000,000 (≤ 100,000,000 left)
        let more = try HealthClaimMath.reimburse(cost: 10_000_000, basePaid: .zero, franchise: Percent(20), remainingCeiling: 100_000_000,
                                                 sideCosts: 30_000_000, remainingHospitalization: 12_000_000, agreed: 25_000_000)
        #expect(more.lines.last?.code == "agreed-adjustment" && more.lines.last?.amount == 5_000_000)
        #expect(more.payable == 25_000_000 && more.coverPaid == 13_000_000 && more.sideCostsPaid == 12_000_000)
        // 100,000,000 + 12,000,000 = 112,000,000 is all the ceilings give
        let error = #expect(throws: DomainError.self) {
            try HealthClaimMath.reimburse(cost: 10_000_000, basePaid: .zero, franchise: Percent(20), remainingCeiling: 100_000_000,
                                          sideCosts: 30_000_000, remainingHospitalization: 12_000_000, agreed: 112_000_001)
        }
        #expect(error?.code == "agreed-above-cap")
    }
}
