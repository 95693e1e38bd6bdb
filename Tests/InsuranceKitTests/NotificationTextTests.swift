import InsuranceKit
import Testing

/// The SMS wording to the insured: Persian digits, Jalali dates, rials grouped with «٬».
@Suite("SMS texts to the insured")
struct NotificationTextTests {
    @Test("the reminder goes out 3 days before the due date, across a month end: 1405/01/30 → 1405/02/02")
    func reminderDate() throws {
        // Farvardin has 31 days: 30 + 3 = 33 → 33 − 31 = day 2 of Ordibehesht
        #expect(NotificationText.reminderDueDate(on: try JalaliDate(year: 1405, month: 1, day: 30)) == (try JalaliDate(year: 1405, month: 2, day: 2)))
    }

    @Test("texts carry Persian digits and grouped rials")
    func texts() throws {
        let due = try JalaliDate(year: 1405, month: 2, day: 15)
        #expect(NotificationText.installmentDue(policyNumber: "1405/7", seq: 2, dueDate: due, amount: Rial(350_000))
                == "یادآوری: قسط ۲ بیمه‌نامهٔ شمارهٔ ۱۴۰۵/۷ به مبلغ ۳۵۰٬۰۰۰ ریال در تاریخ ۱۴۰۵/۰۲/۱۵ سررسید می‌شود.")
        #expect(NotificationText.claimState(fileNumber: "1405/3", state: .paid) == "پروندهٔ خسارت شمارهٔ ۱۴۰۵/۳: وضعیت به «پرداخت‌شده» تغییر کرد.")
        let text = NotificationText.policyIssued(number: "1405/12", coverFrom: try JalaliDate(year: 1405, month: 1, day: 15), coverTo: try JalaliDate(year: 1406, month: 1, day: 15))
        #expect(!text.contains { $0.isASCII && $0.isNumber })
    }
}
