/// The SMS texts sent to the insured: Persian, Persian digits, Jalali dates, amounts in rials
/// with thousands separators. Pure, so the wording is tested without a server.
public enum NotificationText {
    /// Days before an installment's due date that its reminder goes out.
    public static let reminderLeadDays = 3

    /// The due date whose installments are reminded on `today` (today + 3 days).
    public static func reminderDueDate(on today: JalaliDate) -> JalaliDate {
        today.adding(days: reminderLeadDays)
    }

    public static func policyIssued(number: String, coverFrom: JalaliDate, coverTo: JalaliDate) -> String {
        "بیمه‌گذار گرامی، بیمه‌نامهٔ شمارهٔ \(p(number)) شما صادر شد؛ پوشش از \(p(coverFrom.description)) تا \(p(coverTo.description))."
    }

    public static func installmentDue(policyNumber: String, seq: Int, dueDate: JalaliDate, amount: Rial) -> String {
        "یادآوری: قسط \(p(String(seq))) بیمه‌نامهٔ شمارهٔ \(p(policyNumber)) به مبلغ \(amount.persianFormatted) ریال در تاریخ \(p(dueDate.description)) سررسید می‌شود."
    }

    public static func claimState(fileNumber: String, state: ClaimState) -> String {
        "پروندهٔ خسارت شمارهٔ \(p(fileNumber)): وضعیت به «\(state.title)» تغییر کرد."
    }

    private static func p(_ s: String) -> String { Normalize.persianDigits(s) }
}
