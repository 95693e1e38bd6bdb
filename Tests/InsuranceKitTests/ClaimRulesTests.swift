import Testing
@testable import InsuranceKit

@Suite("R-CL-02/03/10/11 per-product claim rules")
struct ClaimRulesTests {
    @Test("R-CL-02, R-CL-03, R-CL-10, R-CL-11 computer insurance (seed 002)")
    func computer() throws {
        let rules = try ClaimRules.rules(forProduct: "computer")
        #expect(rules.noticeDays == 14)
        #expect(rules.lateNoticePolicy == .acceptIfSubjectUnchanged)
        #expect(rules.paymentOrderCopies.count == 7)
        #expect(rules.expertFeeOrderCopies.count == 3)
        #expect(!rules.requiresNotarizedCertificateWhenPolicyholderCollects)
        // seed 002 step 18: two copies to the insured, then accounting & statistics,
        // statistics & reinsurance and the insured's file
        #expect(rules.paymentOrderCopies[0].hasPrefix("بیمه‌گذار"))
        #expect(rules.paymentOrderCopies[1].hasPrefix("بیمه‌گذار"))
        #expect(rules.paymentOrderCopies[2] == "ادارهٔ کل حسابداری و آمار")
        #expect(rules.paymentOrderCopies[3] == "ادارهٔ آمار و اتکایی")
        #expect(rules.paymentOrderCopies[4] == "بایگانی در پروندهٔ بیمه‌گذار")
        // seed 002 (fee order): two copies to the expert, one archived in the policy file
        #expect(rules.expertFeeOrderCopies.filter { $0.hasPrefix("کارشناس فنی آزاد") }.count == 2)
        #expect(rules.expertFeeOrderCopies[2] == "بایگانی در پروندهٔ بیمه‌نامه")
    }

    @Test("R-CAR-01 contractors' all risk: 14 days, late accepted if the subject is unchanged, 7 copies")
    func contractorsAllRisk() throws {
        let rules = try ClaimRules.rules(forProduct: "contractors-all-risk")
        #expect(rules.noticeDays == 14)
        #expect(rules.lateNoticePolicy == .acceptIfSubjectUnchanged)
        #expect(rules.paymentOrderCopies == (try ClaimRules.rules(forProduct: "computer")).paymentOrderCopies)
        #expect(!rules.requiresNotarizedCertificateWhenPolicyholderCollects)
    }

    // Corrected (R-CL-02/03 revised): the 5 days count from the day the employer learned of the
    // claim, and a late notice is recorded and accepted.
    @Test("R-EL-LI-01, R-CL-02/03/10 employer's liability: 5 days from learning of the claim, late accepted, notarized certificate")
    func employersLiability() throws {
        let rules = try ClaimRules.rules(forProduct: "employers-liability")
        #expect(rules.noticeDays == 5)
        #expect(rules.noticeFrom == .claimKnown)
        #expect(rules.lateNoticePolicy == .accept)
        #expect(rules.paymentOrderCopies.count == 7)
        #expect(rules.expertFeeOrderCopies.count == 3)
        #expect(rules.requiresNotarizedCertificateWhenPolicyholderCollects)
    }

    @Test("R-CL-02 notice days equal the product's printed claimNoticeDays",
          arguments: ["computer", "employers-liability", "contractors-all-risk", "third-party"])
    func sameAsProduct(_ code: String) throws {
        #expect(try ClaimRules.rules(forProduct: code).noticeDays == ProductCatalog.product(code).claimNoticeDays)
        #expect(try ClaimRules.rules(forProduct: code).product == code)
    }

    @Test("unknown product", arguments: ["", "group life", "Computer", "third party"])
    func unknown(_ code: String) {
        let error = #expect(throws: DomainError.self) { try ClaimRules.rules(forProduct: code) }
        #expect(error?.code == "unknown-product")
        #expect(error?.field == "product")
    }

    @Test("R-CL-03 late notice decisions")
    func lateNotice() {
        #expect(LateNoticePolicy.acceptIfSubjectUnchanged.decide(subjectUnchanged: true) == .accept)
        #expect(LateNoticePolicy.acceptIfSubjectUnchanged.decide(subjectUnchanged: false) == .reject)
        #expect(LateNoticePolicy.reject.decide(subjectUnchanged: true) == .reject)
        #expect(LateNoticePolicy.commission.decide(subjectUnchanged: true) == .referToCommission)
    }

    @Test("R-CL-02 civil liability counts from the day the claim became known")
    func fromClaimKnown() throws {
        // given employer's liability: loss 1405/01/01, the employer learns of the claim on 1405/01/06
        let rules = try ClaimRules.rules(forProduct: "employers-liability")
        let loss = try JalaliDate(year: 1405, month: 1, day: 1), known = try JalaliDate(year: 1405, month: 1, day: 6)
        // then the deadline is 1405/01/06 + 5 = 1405/01/11: a notice that day is on time, the next day one day late
        let onTime = try rules.checkNotice(lossDate: loss, noticeDate: try JalaliDate(year: 1405, month: 1, day: 11), claimKnownDate: known)
        #expect(onTime.deadline == (try JalaliDate(year: 1405, month: 1, day: 11)))
        #expect(!onTime.isLate)
        let late = try rules.checkNotice(lossDate: loss, noticeDate: try JalaliDate(year: 1405, month: 1, day: 12), claimKnownDate: known)
        #expect(late.isLate && late.daysLate == 1)
        // without the date the loss counts: 1405/01/01 + 5 = 1405/01/06
        #expect(try rules.checkNotice(lossDate: loss, noticeDate: known).deadline == known)
        // a known date before the loss, or after the notice, is refused
        let before = #expect(throws: DomainError.self) {
            try rules.checkNotice(lossDate: loss, noticeDate: known, claimKnownDate: try JalaliDate(year: 1404, month: 12, day: 29))
        }
        #expect(before?.code == "claim-known-before-loss")
        #expect(before?.field == "claimKnownDate")
        let after = #expect(throws: DomainError.self) {
            try rules.checkNotice(lossDate: loss, noticeDate: known, claimKnownDate: try JalaliDate(year: 1405, month: 1, day: 7))
        }
        #expect(after?.code == "notice-before-claim-known")
    }

    @Test("R-CL-02 computer insurance counts from the loss even when a known date is given")
    func computerFromLoss() throws {
        let rules = try ClaimRules.rules(forProduct: "computer")
        // 1405/01/01 + 14 = 1405/01/15
        let check = try rules.checkNotice(lossDate: try JalaliDate(year: 1405, month: 1, day: 1), noticeDate: try JalaliDate(year: 1405, month: 1, day: 16),
                                          claimKnownDate: try JalaliDate(year: 1405, month: 1, day: 10))
        #expect(check.deadline == (try JalaliDate(year: 1405, month: 1, day: 15)))
        #expect(check.daysLate == 1)
    }
}
