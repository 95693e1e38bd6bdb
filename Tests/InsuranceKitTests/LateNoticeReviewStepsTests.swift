import Testing
@testable import InsuranceKit

@Suite("R-CL-03 the late-notice form's steps: who records each, and a stored form replayed")
struct LateNoticeReviewStepsTests {
    @Test("R-CL-03 the claims expert keys in issuance's figures; the head records the commission and HQ; nobody after the decision")
    func actors() {
        #expect(LateNoticeReview.Stage.awaitingIssuance.actor == .claims)
        #expect(LateNoticeReview.Stage.awaitingCommission.actor == .head)
        #expect(LateNoticeReview.Stage.awaitingHeadquarters.actor == .head)
        #expect(LateNoticeReview.Stage.approved.actor == nil)
        #expect(LateNoticeReview.Stage.rejected.actor == nil)
    }

    @Test("R-CL-03 replay: death 1405/02/01 notified 1406/01/20 (> 1405/11/01) approved by the commission waits for HQ, then HQ approves")
    func replay() throws {
        let figures = LateNoticeReview.IssuanceFigures(averagePremiumLastTwoYears: Rial(amount: 820_000_000), lastPremiumDate: try jalali("1405/01/10"),
                                                       lastPremiumAmount: Rial(amount: 414_000_000), averageInsuredLastTwoYears: 50)
        let death = try jalali("1405/02/01"), notice = try jalali("1406/01/20")
        let waiting = try LateNoticeReview.replay(deathDate: death, noticeDate: notice, figures: figures,
                                                  commission: (true, Rial(amount: 1_000_000_000), "مدارک کامل"), headquarters: nil)
        #expect(waiting.stage == .awaitingHeadquarters)
        #expect(waiting.agreedAmount == Rial(amount: 1_000_000_000))
        let done = try LateNoticeReview.replay(deathDate: death, noticeDate: notice, figures: figures,
                                               commission: (true, Rial(amount: 1_000_000_000), "مدارک کامل"), headquarters: (true, "نامهٔ ستاد"))
        #expect(done.stage == .approved)
        // a stored decision without its figures is refused as out of order
        #expect(throws: DomainError.self) {
            try LateNoticeReview.replay(deathDate: death, noticeDate: notice, figures: nil, commission: (false, nil, "x"), headquarters: nil)
        }
    }
}
