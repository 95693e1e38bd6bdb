/// R-CL-02: whether a claim notice arrived within the product's days from the loss.
public struct NoticeCheck: Codable, Sendable, Hashable {
    /// Loss date + notice days: the last day a notice is on time.
    public let deadline: JalaliDate
    /// Notice date after the deadline. A late file is about the notice, not the documents,
    /// which may follow (R-CL-02); what happens next is R-CL-03 (`LateNoticePolicy`).
    public let isLate: Bool
    /// Days after the deadline; 0 when on time.
    public let daysLate: Int

    public init(deadline: JalaliDate, isLate: Bool, daysLate: Int) {
        self.deadline = deadline
        self.isLate = isLate
        self.daysLate = daysLate
    }
}

public enum NoticeDeadline: Sendable {
    /// Longest notice period accepted (ten years); keeps date arithmetic far from the calendar's
    /// edges whatever a caller passes.
    public static let maxNoticeDays = 3650

    /// R-CL-02: deadline = lossDate + noticeDays; a notice on the deadline day is on time, one day
    /// later is late. Throws "notice-before-loss" (field "noticeDate") when the notice precedes
    /// the loss, "invalid-notice-days" (field "noticeDays") outside 0…3650.
    public static func check(lossDate: JalaliDate, noticeDate: JalaliDate, noticeDays: Int) throws -> NoticeCheck {
        guard (0...maxNoticeDays).contains(noticeDays) else {
            throw DomainError(code: "invalid-notice-days", message: "مهلت اعلام خسارت معتبر نیست.", field: "noticeDays")
        }
        guard noticeDate >= lossDate else {
            throw DomainError(code: "notice-before-loss",
                              message: "تاریخ اعلام خسارت نمی‌تواند پیش از تاریخ وقوع خسارت باشد.", field: "noticeDate")
        }
        let deadline = lossDate.adding(days: noticeDays)
        let daysLate = max(0, deadline.days(to: noticeDate))
        return NoticeCheck(deadline: deadline, isLate: daysLate > 0, daysLate: daysLate)
    }
}
