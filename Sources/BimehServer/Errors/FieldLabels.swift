/// Persian names of the fields commands read, for messages: a field keeps its API name (`paidOn`)
/// in the error, and the person reading it sees «تاریخ پرداخت».
enum FieldLabels {
    static let persian: [String: String] = [
        "amount": "مبلغ", "method": "روش پرداخت", "paidOn": "تاریخ پرداخت", "cheque": "مشخصات چک",
        "cheque.number": "شمارهٔ چک", "cheque.bank": "بانک", "cheque.dueDate": "سررسید چک",
        "initiatedBy": "فسخ‌کننده", "noticeDate": "تاریخ اخطار یا اعلام", "reason": "علت",
        "effectiveDate": "تاریخ اجرا", "description": "شرح", "lossDate": "تاریخ وقوع",
        "claimKnownDate": "تاریخ آگاهی از ادعا", "loss": "مبلغ خسارت", "salvage": "بازیافت",
        "diyaPercent": "سهم دیه", "collector": "دریافت‌کننده", "notarizedCertificate": "گواهی محضری",
        "policyId": "بیمه‌نامه", "policyNumber": "شمارهٔ بیمه‌نامه", "payment": "روش پرداخت حق بیمه",
    ]

    static func label(_ field: String) -> String { persian[field] ?? field }
}
