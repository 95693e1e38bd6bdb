import Testing
@testable import InsuranceKit

@Suite("R-CL-02 claim notice deadline")
struct NoticeDeadlineTests {
    /// (product, loss date, deadline worked out by hand, the day after):
    /// - computer, 14 days: 1403 is leap (Esfand has 30 days): 1403/12/20 + 10 = 1403/12/30,
    ///   + 4 = 1404/01/04
    /// - employer's liability, 5 days: Shahrivar has 31 days: 1404/06/29 + 2 = 1404/06/31,
    ///   + 3 = 1404/07/03
    /// - contractors' all risk, 14 days: Bahman has 30 days: 1404/11/25 + 5 = 1404/11/30,
    ///   + 9 = 1404/12/09
    @Test("R-CL-02 notice on the deadline day is on time, one day later is late", arguments: [
        ("computer", "1403/12/20", "1404/01/04", "1404/01/05"),
        ("employers-liability", "1404/06/29", "1404/07/03", "1404/07/04"),
        ("contractors-all-risk", "1404/11/25", "1404/12/09", "1404/12/10"),
    ])
    func deadlineDay(_ product: String, _ loss: String, _ deadline: String, _ dayAfter: String) throws {
        let rules = try ClaimRules.rules(forProduct: product)
        let onTime = try rules.checkNotice(lossDate: jalali(loss), noticeDate: jalali(deadline))
        #expect(onTime == NoticeCheck(deadline: try jalali(deadline), isLate: false, daysLate: 0))
        let late = try rules.checkNotice(lossDate: jalali(loss), noticeDate: jalali(dayAfter))
        #expect(late == NoticeCheck(deadline: try jalali(deadline), isLate: true, daysLate: 1))
    }

    @Test("R-CL-02 notice on the loss day is on time; days late are counted from the deadline")
    func counting() throws {
        let sameDay = try NoticeDeadline.check(lossDate: jalali("1404/05/01"), noticeDate: jalali("1404/05/01"),
                                               noticeDays: 5)
        #expect(!sameDay.isLate)
        #expect(sameDay.deadline == (try jalali("1404/05/06")))   // 1404/05/01 + 5
        // deadline 1404/05/06; 1404/06/01 is 25 (rest of Mordad: 31 − 6) + 1 = 26 days later
        let late = try NoticeDeadline.check(lossDate: jalali("1404/05/01"), noticeDate: jalali("1404/06/01"),
                                            noticeDays: 5)
        #expect(late.daysLate == 26)
        // zero notice days: only the loss day itself is on time
        #expect(try NoticeDeadline.check(lossDate: jalali("1404/05/01"), noticeDate: jalali("1404/05/02"),
                                         noticeDays: 0).daysLate == 1)
    }

    @Test("R-CL-02 a notice before the loss is refused")
    func noticeBeforeLoss() {
        let error = #expect(throws: DomainError.self) {
            try NoticeDeadline.check(lossDate: jalali("1404/05/01"), noticeDate: jalali("1404/04/31"), noticeDays: 14)
        }
        #expect(error?.code == "notice-before-loss")
        #expect(error?.field == "noticeDate")
    }

    @Test("invalid notice days never trap", arguments: [-1, 3651, Int.max, Int.min])
    func badDays(_ days: Int) {
        let error = #expect(throws: DomainError.self) {
            try NoticeDeadline.check(lossDate: jalali("1404/05/01"), noticeDate: jalali("1404/05/02"), noticeDays: days)
        }
        #expect(error?.code == "invalid-notice-days")
    }

    @Test("the calendar's last days do not trap")
    func edges() throws {
        let check = try NoticeDeadline.check(lossDate: .latestSupported, noticeDate: .latestSupported, noticeDays: 3650)
        #expect(!check.isLate)
    }
}
